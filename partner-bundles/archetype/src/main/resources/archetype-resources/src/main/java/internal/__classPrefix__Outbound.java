package ${package}.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * Renders a notification for ${partnerName}. The starting format is the platform's canonical
 * JSON, one message per notification, delivered to the configured destination itself:
 *
 * <pre>
 * {"notificationId", "kind": "match" | "crisis-signal" | "agenda" | "agreement", "caseId",
 *  "youth": {"displayName", "birthDate"}, "summary", "createdAt",
 *  "agreement"?: {"id", "description", "ownerPartner", "dueDate", "status"}}
 * </pre>
 *
 * <p>A notification carries no BSN, and nothing here may add one: the youth is named by
 * display name and birth date only.
 *
 * <p>The empty target means the destination itself: the {@code outboundUrl} of a partner
 * that takes HTTP. A partner that reads files from its {@code outboundDirectory} needs a
 * file name as the target instead, such as {@code "notificatie_" + notification.id() + ".json"}.
 */
final class ${classPrefix}Outbound {

    static final String MEDIA_TYPE = "application/json";

    private final ObjectMapper mapper = JsonMapper.builder().build();

    List<RenderedMessage> render(Notification notification) {
        ObjectNode json = mapper.createObjectNode();
        json.put("notificationId", notification.id());
        json.put("kind", notification.kind().code());
        json.put("caseId", notification.caseId());
        ObjectNode youth = json.putObject("youth");
        youth.put("displayName", notification.youthDisplayName());
        youth.put("birthDate", notification.youthBirthDate() == null ? null : notification.youthBirthDate().toString());
        json.put("summary", notification.summary());
        json.put("createdAt", notification.createdAt().toString());
        Agreement agreement = notification.agreement();
        if (agreement != null) {
            ObjectNode owned = json.putObject("agreement");
            owned.put("id", agreement.id());
            owned.put("description", agreement.description());
            owned.put("ownerPartner", agreement.ownerPartner());
            owned.put("dueDate", agreement.dueDate().toString());
            owned.put("status", agreement.status().code());
        }
        return List.of(new RenderedMessage(MEDIA_TYPE, bytes(json), ""));
    }

    private byte[] bytes(ObjectNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            // a tree of strings always serialises; this would be a bug of ours
            throw new UncheckedIOException(e);
        }
    }
}
