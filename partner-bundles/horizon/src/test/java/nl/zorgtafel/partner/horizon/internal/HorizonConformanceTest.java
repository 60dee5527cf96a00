package nl.zorgtafel.partner.horizon.internal;

import java.nio.file.Path;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.partner.testkit.MediaFamily;
import nl.zorgtafel.partner.testkit.PartnerAdapterConformanceTest;

/** The testkit's conformance suite over the samples in src/test/resources/samples. */
class HorizonConformanceTest extends PartnerAdapterConformanceTest {

    @Override
    protected PartnerAdapter adapter() {
        return new HorizonAdapter();
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
