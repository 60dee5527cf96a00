package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object.", List.of(new Fault("$", "not an object")));
        }
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
        String givenName = text(youth, "givenName", "youth.givenName", false, MAX_NAME, faults);
        String familyName = text(youth, "familyName", "youth.familyName", true, MAX_NAME, faults);
        LocalDate birthDate = date(youth, "birthDate", "youth.birthDate", false, faults);
        String categoryCode = text(body, "category", "category", true, 64, faults);
        SignalCategory category = categoryCode == null ? null : SignalCategory.fromCode(categoryCode).orElse(null);
        if (categoryCode != null && category == null) {
            faults.add(new Fault("category", "not one of exploitation-suspected, prostitution, loverboy, runaway,"
                    + " school-dropout, other"));
        }
        String urgencyCode = text(body, "urgency", "urgency", false, 16, faults);
        Urgency urgency = urgencyCode == null ? Urgency.NORMAL : Urgency.fromCode(urgencyCode).orElse(null);
        if (urgency == null) {
            faults.add(new Fault("urgency", "not one of normal, crisis"));
        }
        String summary = text(body, "summary", "summary", false, MAX_TEXT, faults);
        LocalDate observedOn = date(body, "observedOn", "observedOn", true, faults);
        String reference = text(body, "partnerReference", "partnerReference", false, MAX_NAME, faults);
        if (observedOn != null && observedOn.isAfter(LocalDate.now().plusDays(1))) {
            faults.add(new Fault("observedOn", "lies in the future"));
        }
        if (!faults.isEmpty()) {
            throw ApiException.badRequest("The signal has " + faults.size() + " fault(s).", faults);
        }
        return new SignalRequest(new YouthIdentity(bsn, givenName, familyName, birthDate),
                new Signal(reference == null ? UUID.randomUUID().toString() : reference, category, urgency, summary,
                        observedOn));
    }

    private static String text(JsonNode parent, String field, String location, boolean required, int maxLength,
                               List<Fault> faults) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            if (required) {
                faults.add(new Fault(location, "required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            faults.add(new Fault(location, "must be a string"));
            return null;
        }
        if (node.asText().length() > maxLength) {
            faults.add(new Fault(location, "longer than " + maxLength + " characters"));
            return null;
        }
        return node.asText().strip();
    }

    private static LocalDate date(JsonNode parent, String field, String location, boolean required,
                                  List<Fault> faults) {
        String text = text(parent, field, location, required, 10, faults);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            faults.add(new Fault(location, "not a date (yyyy-MM-dd)"));
            return null;
        }
    }
}
