package nl.zorgtafel.partner.rvdk.internal;

import java.nio.file.Path;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.partner.testkit.MediaFamily;
import nl.zorgtafel.partner.testkit.PartnerAdapterConformanceTest;

/** The testkit's conformance suite over the samples in src/test/resources/samples. */
class RvdkConformanceTest extends PartnerAdapterConformanceTest {

    @Override
    protected PartnerAdapter adapter() {
        return new RvdkAdapter();
    }

    @Override
    protected String mediaType() {
        return "application/xml";
    }

    @Override
    protected MediaFamily mediaFamily() {
        return MediaFamily.XML;
    }

    @Override
    protected Path sampleFolder() {
        return Path.of("src/test/resources/samples");
    }
}
