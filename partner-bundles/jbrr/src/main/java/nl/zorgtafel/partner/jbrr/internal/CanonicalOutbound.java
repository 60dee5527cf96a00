package nl.zorgtafel.partner.jbrr.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * Renders a notification as the canonical JSON of {@code partners/jbrr.md}, one
 * {@code application/json} message to the partner's {@code outboundUrl} itself:
 *
 * <pre>
 * {"notificationId", "kind", "caseId", "youth": {"displayName", "birthDate"}, "summary",
 *  "createdAt", "agreement": {"id", "description", "ownerPartner", "dueDate", "status"}}
 * </pre>
 *
 * {@code agreement} only for an agreement (afspraak); an unknown name or birth date is
 * {@code null}. A notification carries no BSN, and nothing here adds one.
 */
final class CanonicalOutbound {

    static final String MEDIA_TYPE = "application/json";

    private final JsonFactory factory = new JsonFactory();

    List<RenderedMessage> render(Notification notification) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("notificationId", notification.id());
            json.writeStringField("kind", notification.kind().code());
            json.writeStringField("caseId", notification.caseId());
            json.writeObjectFieldStart("youth");
            json.writeStringField("displayName", notification.youthDisplayName());
            json.writeStringField("birthDate", iso(notification.youthBirthDate()));
            json.writeEndObject();
            json.writeStringField("summary", notification.summary());
            json.writeStringField("createdAt", notification.createdAt().toString());
            if (notification.kind() == Notification.Kind.AGREEMENT) {
                Agreement agreement = notification.agreement();
                json.writeObjectFieldStart("agreement");
                json.writeStringField("id", agreement.id());
                json.writeStringField("description", agreement.description());
                json.writeStringField("ownerPartner", agreement.ownerPartner());
                json.writeStringField("dueDate", iso(agreement.dueDate()));
                json.writeStringField("status", agreement.status().code());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            // writing strings to memory does not fail; this would be a bug, not bad input
            throw new UncheckedIOException(e);
        }
        return List.of(new RenderedMessage(MEDIA_TYPE, out.toByteArray(), ""));
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
