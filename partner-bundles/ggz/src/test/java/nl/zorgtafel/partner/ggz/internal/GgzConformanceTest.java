package nl.zorgtafel.partner.ggz.internal;

import java.nio.file.Path;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.partner.testkit.MediaFamily;
import nl.zorgtafel.partner.testkit.PartnerAdapterConformanceTest;

/** The testkit's conformance suite over the samples in src/test/resources/samples. */
class GgzConformanceTest extends PartnerAdapterConformanceTest {

    @Override
    protected PartnerAdapter adapter() {
        return new GgzAdapter();
    }

    @Override
    protected String mediaType() {
        return "application/fhir+json";
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
