package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;

/** A meeting to plan: {@code {"date"}}. */
record MeetingRequest(LocalDate date) {

    static MeetingRequest parse(JsonNode body) {
        JsonFields fields = new JsonFields(new ArrayList<>());
        LocalDate date = fields.date(JsonFields.object(body), "date", "date", true);
        fields.throwIfAny("The meeting");
        return new MeetingRequest(date);
    }
}
