package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.core.internal.table.Agreements;

/** A change to an agreement: {@code {"status": "done"|"open"}} and/or {@code {"dueDate"}}. */
record AgreementPatch(Agreement.Status status, LocalDate dueDate) {

    static AgreementPatch parse(JsonNode body) {
        JsonFields fields = new JsonFields(new ArrayList<>());
        JsonFields.object(body);
        String statusCode = fields.text(body, "status", "status", false, 16);
        Agreement.Status status = null;
        if (statusCode != null) {
            for (Agreement.Status candidate : Agreement.Status.values()) {
                if (candidate.code().equals(statusCode)) {
                    status = candidate;
                }
            }
            if (status == null) {
                fields.fault("status", "not one of done, open");
            }
        }
        LocalDate dueDate = fields.date(body, "dueDate", "dueDate", false);
        if (statusCode == null && dueDate == null && !body.has("status") && !body.has("dueDate")) {
            fields.fault("status", "required: status or dueDate");
        }
        fields.throwIfAny("The change");
        return new AgreementPatch(status, dueDate);
    }

    Agreements.Change change() {
        return new Agreements.Change(status, dueDate);
    }
}
