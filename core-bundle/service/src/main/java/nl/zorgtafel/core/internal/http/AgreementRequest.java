package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * An agreement to make on a case: {@code {"description", "ownerPartner", "dueDate",
 * "meetingId"?}}. The owner is a partner id ({@code rvdk}, {@code ggz}, …): lower-case
 * letters, digits and hyphens, as in the partners' configuration.
 */
record AgreementRequest(String description, String ownerPartner, LocalDate dueDate, String meetingId) {

    static final int MAX_DESCRIPTION = 4000;
    static final String PARTNER_ID = "[a-z0-9][a-z0-9-]{0,63}";

    static AgreementRequest parse(JsonNode body) {
        JsonFields fields = new JsonFields(new ArrayList<>());
        JsonFields.object(body);
        String description = fields.text(body, "description", "description", true, MAX_DESCRIPTION);
        String owner = fields.text(body, "ownerPartner", "ownerPartner", true, 64);
        if (owner != null && !owner.matches(PARTNER_ID)) {
            fields.fault("ownerPartner", "not a partner id (lower-case letters, digits, hyphens)");
        }
        LocalDate dueDate = fields.date(body, "dueDate", "dueDate", true);
        String meetingId = fields.text(body, "meetingId", "meetingId", false, 36);
        fields.throwIfAny("The agreement");
        return new AgreementRequest(description, owner, dueDate, meetingId);
    }
}
