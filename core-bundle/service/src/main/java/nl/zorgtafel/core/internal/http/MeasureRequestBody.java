package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import nl.zorgtafel.api.model.MeasureKind;

/**
 * A measure requested for a case: {@code {"kind", "requestedOn"?, "note"?}}; the kind is a
 * measure code ({@code spoedmachtiging-gesloten-jeugdhulp}, {@code ots}, …).
 */
record MeasureRequestBody(MeasureKind kind, LocalDate requestedOn, String note) {

    static final int MAX_NOTE = 4000;

    static MeasureRequestBody parse(JsonNode body) {
        JsonFields fields = new JsonFields(new ArrayList<>());
        JsonFields.object(body);
        String code = fields.text(body, "kind", "kind", true, 64);
        MeasureKind kind = code == null ? null : MeasureKind.fromCode(code).filter(k -> k != MeasureKind.NONE)
                .orElse(null);
        if (code != null && kind == null) {
            fields.fault("kind", "not one of ots, machtiging-gesloten-jeugdhulp, spoedmachtiging-gesloten-jeugdhulp,"
                    + " voogdij");
        }
        LocalDate requestedOn = fields.date(body, "requestedOn", "requestedOn", false);
        String note = fields.text(body, "note", "note", false, MAX_NOTE);
        fields.throwIfAny("The measure request");
        return new MeasureRequestBody(kind, requestedOn, note);
    }
}
