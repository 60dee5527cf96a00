package nl.zorgtafel.partner.ggz.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * Renders a notification as FHIR R4 JSON for GGZ: a {@code Communication} for every
 * notification, and a {@code Task} as well for an agreement (afspraak) that GGZ owns.
 *
 * <p>The youth is named by display name and birth date only: a notification carries no BSN,
 * and nothing here adds one. The table's own ids travel as identifiers in
 * {@code urn:nl:zorgtafel:*} systems, so that GGZ can recognise a repeat and find the case.
 */
final class FhirOutbound {

    static final String MEDIA_TYPE = "application/fhir+json";
    static final String COMMUNICATION_TARGET = "/Communication";
    static final String TASK_TARGET = "/Task";

    static final String NOTIFICATION_SYSTEM = "urn:nl:zorgtafel:notification";
    static final String NOTIFICATION_KIND_SYSTEM = "urn:nl:zorgtafel:notification-kind";
    static final String CASE_SYSTEM = "urn:nl:zorgtafel:case";
    static final String AGREEMENT_SYSTEM = "urn:nl:zorgtafel:agreement";
    static final String BIRTH_DATE_EXTENSION = "urn:nl:zorgtafel:extension:youth-birth-date";

    private final String partnerId;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** @param partnerId the partner this adapter speaks for: it gets a Task for the agreements it owns */
    FhirOutbound(String partnerId) {
        this.partnerId = partnerId;
    }

    List<RenderedMessage> render(Notification notification) {
        List<RenderedMessage> messages = new ArrayList<>();
        messages.add(rendered(communication(notification), COMMUNICATION_TARGET));
        Agreement agreement = notification.agreement();
        if (notification.kind() == Notification.Kind.AGREEMENT && partnerId.equals(agreement.ownerPartner())) {
            messages.add(rendered(task(notification, agreement), TASK_TARGET));
        }
        return messages;
    }

    private ObjectNode communication(Notification notification) {
        ObjectNode communication = mapper.createObjectNode();
        communication.put("resourceType", "Communication");
        communication.putArray("identifier").add(identifier(NOTIFICATION_SYSTEM, notification.id()));
        communication.put("status", "completed");
        ObjectNode kind = communication.putArray("category").addObject().putArray("coding").addObject();
        kind.put("system", NOTIFICATION_KIND_SYSTEM);
        kind.put("code", notification.kind().code());
        kind.put("display", display(notification.kind()));
        if (notification.kind() == Notification.Kind.CRISIS_SIGNAL) {
            communication.put("priority", "urgent");
        }
        communication.set("subject", youth(notification));
        communication.putArray("about").addObject().set("identifier", identifier(CASE_SYSTEM, notification.caseId()));
        communication.put("sent", notification.createdAt().toString());
        String text = notification.summary().isBlank() ? display(notification.kind()) : notification.summary();
        communication.putArray("payload").addObject().put("contentString", text);
        return communication;
    }

    private ObjectNode task(Notification notification, Agreement agreement) {
        ObjectNode task = mapper.createObjectNode();
        task.put("resourceType", "Task");
        task.putArray("identifier").add(identifier(AGREEMENT_SYSTEM, agreement.id()));
        task.put("status", agreement.status() == Agreement.Status.DONE ? "completed" : "requested");
        task.put("intent", "order");
        task.put("description", agreement.description());
        task.putObject("focus").set("identifier", identifier(CASE_SYSTEM, agreement.caseId()));
        task.set("for", youth(notification));
        task.put("authoredOn", notification.createdAt().toString());
        task.putObject("owner").put("display", agreement.ownerPartner());
        task.putObject("restriction").putObject("period").put("end", agreement.dueDate().toString());
        return task;
    }

    /** A reference by description only: GGZ knows the youth by name and birth date, never by a BSN from us. */
    private ObjectNode youth(Notification notification) {
        ObjectNode youth = mapper.createObjectNode();
        LocalDate birthDate = notification.youthBirthDate();
        if (birthDate != null) {
            ObjectNode extension = youth.putArray("extension").addObject();
            extension.put("url", BIRTH_DATE_EXTENSION);
            extension.put("valueDate", birthDate.toString());
        }
        if (notification.youthDisplayName() != null && !notification.youthDisplayName().isBlank()) {
            youth.put("display", notification.youthDisplayName());
        }
        return youth;
    }

    private ObjectNode identifier(String system, String value) {
        ObjectNode identifier = mapper.createObjectNode();
        identifier.put("system", system);
        identifier.put("value", value);
        return identifier;
    }

    /** What a professional at GGZ reads as the Communication's category. */
    private static String display(Notification.Kind kind) {
        return switch (kind) {
            case MATCH -> "Signaal van een andere ketenpartner over dezelfde jeugdige";
            case CRISIS_SIGNAL -> "Crisissignaal";
            case AGENDA -> "Casus op de agenda van de zorgtafel";
            case AGREEMENT -> "Afspraak van de zorgtafel";
        };
    }

    private RenderedMessage rendered(ObjectNode resource, String target) {
        try {
            return new RenderedMessage(MEDIA_TYPE, mapper.writeValueAsBytes(resource), target);
        } catch (JsonProcessingException e) {
            // a tree of strings always serialises; this would be a bug in Jackson, not in the input
            throw new UncheckedIOException(e);
        }
    }
}
