package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;

/**
 * A signal in canonical JSON, as {@code POST /api/v1/signals} takes it, checked field by
 * field: every fault is named by its field, none by its value.
 */
record SignalRequest(YouthIdentity youth, Signal signal) {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;

    static SignalRequest parse(JsonNode body) {
        List<Fault> faults = new ArrayList<>();
        JsonFields fields = new JsonFields(faults);
        JsonFields.object(body);
        JsonNode youth = body.path("youth");
        if (!youth.isObject()) {
            faults.add(new Fault("youth", "required, an object"));
        }
        Bsn bsn = null;
        JsonNode bsnNode = youth.path("bsn");
        if (!bsnNode.isMissingNode() && !bsnNode.isNull()) {
            if (!bsnNode.isTextual() || !Bsn.isValid(bsnNode.asText())) {
                faults.add(new Fault("youth.bsn", "not a valid BSN (nine digits passing the elfproef)"));
            } else {
                bsn = Bsn.of(bsnNode.asText());
            }
        }
        String givenName = fields.text(youth, "givenName", "youth.givenName", false, MAX_NAME);
        String familyName = fields.text(youth, "familyName", "youth.familyName", true, MAX_NAME);
        LocalDate birthDate = fields.birthDate(youth, "birthDate", "youth.birthDate");
        String categoryCode = fields.text(body, "category", "category", true, 64);
        SignalCategory category = categoryCode == null ? null : SignalCategory.fromCode(categoryCode).orElse(null);
        if (categoryCode != null && category == null) {
            faults.add(new Fault("category", "not one of exploitation-suspected, prostitution, loverboy, runaway,"
                    + " school-dropout, other"));
        }
        String urgencyCode = fields.text(body, "urgency", "urgency", false, 16);
        Urgency urgency = urgencyCode == null ? Urgency.NORMAL : Urgency.fromCode(urgencyCode).orElse(null);
        if (urgency == null) {
            faults.add(new Fault("urgency", "not one of normal, crisis"));
        }
        String summary = fields.text(body, "summary", "summary", false, MAX_TEXT);
        LocalDate observedOn = fields.date(body, "observedOn", "observedOn", true);
        String reference = fields.text(body, "partnerReference", "partnerReference", false, MAX_NAME);
        if (observedOn != null && observedOn.isAfter(LocalDate.now().plusDays(1))) {
            faults.add(new Fault("observedOn", "lies in the future"));
        }
        fields.throwIfAny("The signal");
        return new SignalRequest(new YouthIdentity(bsn, givenName, familyName, birthDate),
                new Signal(reference == null ? UUID.randomUUID().toString() : reference, category, urgency, summary,
                        observedOn));
    }
}
