package nl.zorgtafel.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * GGZ test messages (HL7 FHIR R4 bundles), made from the contract's example
 * ({@code src/test/resources/ggz-bundle.json}, Lisa's bundle: a Patient, a crisis Flag and an
 * EpisodeOfCare).
 */
final class GgzBundles {

    static final String MEDIA_TYPE = "application/fhir+json";

    private GgzBundles() {
    }

    /** The contract's example, as it is. */
    static ObjectNode example() {
        try {
            return (ObjectNode) ZorgtafelApi.JSON.readTree(ZorgtafelApi.resource("ggz-bundle.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example reduced to its Patient and the resources of the types kept, about an
     * invented youth.
     *
     * @param birthDate as FHIR writes it, {@code yyyy-MM-dd}
     */
    static ObjectNode about(String id, String bsn, String given, String family, String birthDate, String... keep) {
        ObjectNode bundle = example();
        bundle.put("id", id);
        Set<String> kept = Set.of(keep);
        ArrayNode entries = bundle.withArrayProperty("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            String type = entries.get(i).path("resource").path("resourceType").asText();
            if (!type.equals("Patient") && !kept.contains(type)) {
                entries.remove(i);
            }
        }
        setBsn(bundle, bsn);
        ObjectNode patient = resource(bundle, "Patient");
        ObjectNode name = (ObjectNode) patient.withArrayProperty("name").get(0);
        name.put("family", family);
        name.putArray("given").add(given);
        patient.put("birthDate", birthDate);
        return bundle;
    }

    static void setBsn(ObjectNode bundle, String bsn) {
        ObjectNode identifier = (ObjectNode) resource(bundle, "Patient").withArrayProperty("identifier").get(0);
        identifier.put("value", bsn);
    }

    /** The first resource of that type in the bundle. */
    static ObjectNode resource(ObjectNode bundle, String type) {
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.path("resource").path("resourceType").asText().equals(type)) {
                return (ObjectNode) entry.path("resource");
            }
        }
        throw new IllegalArgumentException("no " + type + " in bundle " + bundle.path("id"));
    }
}
