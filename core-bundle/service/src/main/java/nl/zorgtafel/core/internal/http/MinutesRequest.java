package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;

/** The minutes of a case at a meeting: {@code {"text"}}. */
record MinutesRequest(String text) {

    static final int MAX_MINUTES = 8000;

    static MinutesRequest parse(JsonNode body) {
        JsonFields fields = new JsonFields(new ArrayList<>());
        String text = fields.text(JsonFields.object(body), "text", "text", true, MAX_MINUTES);
        fields.throwIfAny("The minutes");
        return new MinutesRequest(text);
    }
}
