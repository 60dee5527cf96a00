package nl.zorgtafel.partner.mee.internal;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The conformance suite again, over files declared {@code text/csv; charset=windows-1252}:
 * what Excel on a Dutch Windows saves as "CSV". The hostile input then puts a byte into a
 * sample that windows-1252 leaves undefined.
 */
class MeeWindows1252ConformanceTest extends MeeConformanceTest {

    @Override
    protected Charset charset() {
        return Charset.forName("windows-1252");
    }

    @Override
    protected Path sampleFolder() {
        return Path.of("src/test/resources/samples-windows-1252");
    }
}
