package nl.zorgtafel.partner.horizon.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * Renders a notification for Horizon as the platform's canonical JSON (contract:
 * partners/jbrr.md), POSTed to its {@code outboundUrl}:
 *
 * <pre>
 * {"notificationId", "kind": "match" | "crisis-signal" | "agenda" | "agreement", "caseId",
 *  "youth": {"displayName", "birthDate"}, "summary", "createdAt",
 *  "agreement": {"id", "description", "ownerPartner", "dueDate", "status"}}   (agreements only)
 * </pre>
 *
 * Every member is always there; what the notification does not know is {@code null}. The
 * youth is named by display name and birth date only: a notification carries no BSN. The
 * JSON is built as a tree of strings, so no type information is ever written or read.
 */
final class CanonicalJsonOutbound {

    static final String MEDIA_TYPE = "application/json";

    private final ObjectMapper mapper = JsonMapper.builder().build();

    List<RenderedMessage> render(Notification notification) {
        ObjectNode json = mapper.createObjectNode();
        json.put("notificationId", notification.id());
        json.put("kind", notification.kind().code());
        json.put("caseId", notification.caseId());
        ObjectNode youth = json.putObject("youth");
        youth.put("displayName", notification.youthDisplayName());
        youth.put("birthDate", isoDate(notification.youthBirthDate()));
        json.put("summary", notification.summary());
        json.put("createdAt", notification.createdAt().toString());
        if (notification.agreement() != null) {
            json.set("agreement", agreement(notification.agreement()));
        }
        try {
            return List.of(new RenderedMessage(MEDIA_TYPE, mapper.writeValueAsBytes(json), ""));
        } catch (JsonProcessingException e) {
            // a tree of strings always serialises; this would be a bug in Jackson, not in the notification
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode agreement(Agreement agreement) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", agreement.id());
        json.put("description", agreement.description());
        json.put("ownerPartner", agreement.ownerPartner());
        json.put("dueDate", isoDate(agreement.dueDate()));
        json.put("status", agreement.status().code());
        return json;
    }

    private static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
