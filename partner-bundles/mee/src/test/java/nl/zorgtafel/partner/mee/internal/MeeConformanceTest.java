package nl.zorgtafel.partner.mee.internal;

import java.nio.file.Path;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.partner.testkit.MediaFamily;
import nl.zorgtafel.partner.testkit.PartnerAdapterConformanceTest;

/** The testkit's conformance suite over the UTF-8 samples in src/test/resources/samples. */
class MeeConformanceTest extends PartnerAdapterConformanceTest {

    @Override
    protected PartnerAdapter adapter() {
        return new MeeAdapter();
    }

    @Override
    protected String mediaType() {
        return "text/csv";
    }

    @Override
    protected MediaFamily mediaFamily() {
        return MediaFamily.CSV;
    }

    @Override
    protected Path sampleFolder() {
        return Path.of("src/test/resources/samples");
    }

    @Override
    protected boolean formatCarriesMessageId() {
        return false;
    }
}
