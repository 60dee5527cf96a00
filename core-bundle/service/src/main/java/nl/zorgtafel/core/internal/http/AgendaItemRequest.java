package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;

/** A case to put on a meeting's agenda: {@code {"caseId"}}. */
record AgendaItemRequest(String caseId) {

    static AgendaItemRequest parse(JsonNode body) {
        JsonFields fields = new JsonFields(new ArrayList<>());
        String caseId = fields.text(JsonFields.object(body), "caseId", "caseId", true, 36);
        fields.throwIfAny("The agenda item");
        return new AgendaItemRequest(caseId);
    }
}
