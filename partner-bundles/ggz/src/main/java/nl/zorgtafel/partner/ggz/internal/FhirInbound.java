package nl.zorgtafel.partner.ggz.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported;

/**
 * Translates a GGZ message, HL7 FHIR R4 JSON, into canonical events (contract: partners/ggz.md).
 *
 * <p>A message is a {@code Bundle} (transaction, batch, collection or message) or a single
 * resource. {@code Patient}s identify youths; each {@code Flag} becomes a signal and each
 * {@code EpisodeOfCare} a trajectory, for the Patient it references in the same message.
 * Other resource types are ignored and named in the result. Every fault in the message is
 * listed, not only the first, and the message is then rejected as a whole.
 */
final class FhirInbound {

    static final String MEDIA_TYPE = "application/fhir+json";

    private static final String BUNDLE = "Bundle";
    private static final String PATIENT = "Patient";
    private static final String FLAG = "Flag";
    private static final String EPISODE_OF_CARE = "EpisodeOfCare";
    private static final Set<String> TRANSLATED_TYPES = Set.of(PATIENT, FLAG, EPISODE_OF_CARE);
    private static final Set<String> BUNDLE_TYPES = Set.of("transaction", "batch", "collection", "message");
    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{0,63}");
    private static final String NOT_A_RESOURCE_TYPE = "must name a FHIR resource type";

    private final FhirJson json;
    private final PatientReader patientReader = new PatientReader();
    private final FlagReader flagReader = new FlagReader();
    private final EpisodeOfCareReader episodeReader = new EpisodeOfCareReader();

    FhirInbound(FhirJson json) {
        this.json = json;
    }

    /** {@code Bundle.id}, or the single resource's {@code id}, when it is a FHIR id. */
    Optional<String> messageId(InboundMessage message) {
        return json.topLevelId(message).filter(FhirId::isValid);
    }

    InboundResult translate(InboundMessage message) {
        Faults faults = new Faults();
        List<String> ignored = new ArrayList<>();
        List<Entry> entries = json.readTree(message, faults)
                .map(tree -> resources(tree, faults, ignored))
                .orElse(List.of());
        PatientIndex patients = indexPatients(entries);
        List<PartnerEvent> events = new ArrayList<>();
        // Patients were read by indexPatients: they identify the youth of the other resources
        for (Entry entry : entries) {
            if (FLAG.equals(entry.resourceType())) {
                report(entry, "subject", patients, flagReader::read, SignalReported::new).ifPresent(events::add);
            } else if (EPISODE_OF_CARE.equals(entry.resourceType())) {
                report(entry, "patient", patients, episodeReader::read, TrajectoryReported::new).ifPresent(events::add);
            }
        }
        return faults.isEmpty()
                ? InboundResult.translated(events, ignored)
                : InboundResult.rejected(faults.list());
    }

    /**
     * The message's resources of the types it translates: a Bundle's entries, or the one
     * resource it is. The others are named in {@code ignored}, in message order.
     */
    private static List<Entry> resources(JsonNode tree, Faults faults, List<String> ignored) {
        if (!tree.isObject()) {
            faults.add(FhirJson.BODY, "must be a FHIR resource: a JSON object");
            return List.of();
        }
        Element resourceType = Element.root(tree.get("resourceType"), "resourceType", faults);
        Optional<String> type = resourceType(resourceType);
        if (type.isEmpty()) {
            return List.of();
        }
        Element root = Element.root(tree, type.get(), faults);
        if (BUNDLE.equals(type.get())) {
            return bundleEntries(root, ignored);
        }
        if (!TRANSLATED_TYPES.contains(type.get())) {
            ignored.add(type.get());
            return List.of();
        }
        return List.of(new Entry(root, type.get(), Optional.empty(), Optional.empty()));
    }

    private static List<Entry> bundleEntries(Element bundle, List<String> ignored) {
        Element type = bundle.field("type");
        if (type.isPresent()) {
            type.text(BUNDLE_TYPES::contains, "must be transaction, batch, collection or message");
        } else {
            type.missing("is required");
        }
        Optional<String> bundleId = bundle.field("id").text(FhirId::isValid, FhirId.EXPECTED);
        List<Entry> entries = new ArrayList<>();
        List<Element> items = bundle.field("entry").items();
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            Element resource = item.field("resource");
            if (!resource.isPresent()) {
                if (!resource.parentHasWrongType()) {
                    // a transaction's DELETE carries no resource: there is nothing to translate
                    ignored.add(item.path() + " (no resource)");
                }
                continue;
            }
            Optional<String> resourceType = resourceType(resource.field("resourceType"));
            if (resourceType.isPresent() && !TRANSLATED_TYPES.contains(resourceType.get())) {
                // a MessageHeader, an Observation: named without any of its content
                ignored.add(resource.path() + " (" + resourceType.get() + ")");
            } else if (resourceType.isPresent()) {
                String position = "/entry[" + i + "]";
                entries.add(new Entry(resource, resourceType.get(), item.field("fullUrl").text(),
                        bundleId.map(id -> id + position)));
            }
        }
        return entries;
    }

    private static Optional<String> resourceType(Element resourceType) {
        if (!resourceType.isPresent()) {
            resourceType.missing("is required");
            return Optional.empty();
        }
        return resourceType.text(type -> RESOURCE_TYPE.matcher(type).matches(), NOT_A_RESOURCE_TYPE);
    }

    /** Reads every Patient first, so that a resource may reference one that comes after it. */
    private PatientIndex indexPatients(List<Entry> entries) {
        PatientIndex index = new PatientIndex();
        for (Entry entry : entries) {
            if (PATIENT.equals(entry.resourceType())) {
                Element patient = entry.resource();
                List<String> references = new ArrayList<>();
                entry.fullUrl().ifPresent(references::add);
                patient.field("id").text().ifPresent(id -> references.add(PATIENT + "/" + id));
                if (!index.add(references, patientReader.read(patient))) {
                    patient.fault("has the fullUrl or id of an earlier Patient");
                }
            }
        }
        return index;
    }

    /** Reads one of the resources that report about a youth, such as a Flag. */
    private interface ReportReader<T> {
        Optional<T> read(Element resource, String reference);
    }

    /**
     * A report (signal, trajectory) about the Patient that {@code patientElement} references.
     * Each part is read even when another failed, so that every fault is listed; the event
     * exists only when all are whole. (A missing update reference is a fault, so the empty
     * stand-in passed on then never reaches an event.)
     */
    private <T> Optional<PartnerEvent> report(Entry entry, String patientElement, PatientIndex patients,
                                              ReportReader<T> reader,
                                              BiFunction<YouthIdentity, T, PartnerEvent> event) {
        Element resource = entry.resource();
        Optional<YouthIdentity> youth = withContainedPatients(resource, patients).resolve(resource.field(patientElement));
        Optional<String> reference = updateReference(entry);
        Optional<T> fact = reader.read(resource, reference.orElse(""));
        if (youth.isEmpty() || reference.isEmpty() || fact.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(event.apply(youth.get(), fact.get()));
    }

    /** The message's Patients, plus those contained in the resource (referenced as {@code #id}). */
    private PatientIndex withContainedPatients(Element resource, PatientIndex patients) {
        List<Element> contained = resource.field("contained").items();
        if (contained.isEmpty()) {
            return patients;
        }
        PatientIndex local = patients.withContained();
        for (Element containedResource : contained) {
            if (containedResource.field("resourceType").text().filter(PATIENT::equals).isPresent()) {
                Optional<String> id = containedResource.field("id").requiredText();
                Optional<YouthIdentity> youth = patientReader.read(containedResource);
                if (id.isPresent() && !local.add(List.of("#" + id.get()), youth)) {
                    containedResource.fault("has the id of an earlier contained Patient");
                }
            }
        }
        return local;
    }

    /**
     * The partner's reference for later updates: {@code Flag/<id>} when the resource has an
     * id, else the entry's place in a Bundle that has one.
     */
    private static Optional<String> updateReference(Entry entry) {
        Element id = entry.resource().field("id");
        if (id.isPresent()) {
            return id.text(FhirId::isValid, FhirId.EXPECTED).map(valid -> entry.resourceType() + "/" + valid);
        }
        if (entry.fallbackReference().isEmpty()) {
            id.missing("is required when the message has no Bundle.id: later updates find the report by it");
        }
        return entry.fallbackReference();
    }

    /**
     * One resource of the message that the adapter translates.
     *
     * @param fullUrl the Bundle entry's fullUrl, by which others may reference it
     * @param fallbackReference {@code <Bundle.id>/entry[<i>]}, when the Bundle has an id
     */
    private record Entry(Element resource, String resourceType, Optional<String> fullUrl,
                         Optional<String> fallbackReference) {
    }
}
