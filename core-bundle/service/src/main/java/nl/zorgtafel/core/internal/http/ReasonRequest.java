package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;

/** Why the coordinator closes or reopens a case: {@code {"reason"}}. */
record ReasonRequest(String reason) {

    static final int MAX_REASON = 2000;

    /** @param body the body, or {@code null} when none was sent (allowed only when the reason is optional) */
    static ReasonRequest parse(JsonNode body, boolean required) {
        if (body == null && !required) {
            return new ReasonRequest(null);
        }
        JsonFields fields = new JsonFields(new ArrayList<>());
        String reason = fields.text(JsonFields.object(body), "reason", "reason", required, MAX_REASON);
        fields.throwIfAny("The request");
        return new ReasonRequest(reason);
    }
}
