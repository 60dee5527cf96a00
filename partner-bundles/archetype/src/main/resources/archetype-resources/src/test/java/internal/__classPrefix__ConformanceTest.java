package ${package}.internal;

import java.nio.file.Path;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.partner.testkit.MediaFamily;
import nl.zorgtafel.partner.testkit.PartnerAdapterConformanceTest;

/**
 * The platform's conformance suite over the samples in src/test/resources/samples: each valid
 * sample gives exactly its expected events, each invalid one is rejected with a fault at each
 * location it names, and hostile input (too big, too deep, broken bytes) is refused safely.
 * Change the media type and family here when the format changes.
 */
class ${classPrefix}ConformanceTest extends PartnerAdapterConformanceTest {

    @Override
    protected PartnerAdapter adapter() {
        return new ${classPrefix}Adapter();
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
