package nl.zorgtafel.partner.jbrr.internal;

import java.nio.file.Path;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.partner.testkit.MediaFamily;
import nl.zorgtafel.partner.testkit.PartnerAdapterConformanceTest;

/** The testkit's conformance suite over the samples in src/test/resources/samples. */
class JbrrConformanceTest extends PartnerAdapterConformanceTest {

    @Override
    protected PartnerAdapter adapter() {
        return new JbrrAdapter();
    }

    @Override
    protected String mediaType() {
        return "application/json";
    }

    @Override
    protected MediaFamily mediaFamily() {
        return MediaFamily.JSON;
    }

    @Override
    protected Path sampleFolder() {
        return Path.of("src/test/resources/samples");
    }
}
