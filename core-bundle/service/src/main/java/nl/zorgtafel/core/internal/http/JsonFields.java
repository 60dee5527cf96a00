package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.zorgtafel.api.partner.Fault;

/**
 * Reads the fields of a JSON request body, collecting every fault, each named by the
 * field's location and never by its value.
 */
final class JsonFields {

    private final List<Fault> faults;

    JsonFields(List<Fault> faults) {
        this.faults = faults;
    }

    /** The body as an object, or a 400 at once when it is not one. */
    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object.", List.of(new Fault("$", "not an object")));
        }
        return body;
    }

    /** Throws a 400 listing every fault, if there is one. */
    void throwIfAny(String what) {
        if (!faults.isEmpty()) {
            throw ApiException.badRequest(what + " has " + faults.size() + " fault(s).", faults);
        }
    }

    void fault(String location, String problem) {
        faults.add(new Fault(location, problem));
    }

    /** A string field, stripped; {@code null} when absent or blank (a fault if required). */
    String text(JsonNode parent, String field, String location, boolean required, int maxLength) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            if (required) {
                fault(location, "required");
            }
            return null;
        }
        if (!node.isTextual()) {
            fault(location, "must be a string");
            return null;
        }
        if (node.asText().length() > maxLength) {
            fault(location, "longer than " + maxLength + " characters");
            return null;
        }
        return node.asText().strip();
    }

    /** A date field, {@code yyyy-MM-dd}. */
    LocalDate date(JsonNode parent, String field, String location, boolean required) {
        String text = text(parent, field, location, required, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            fault(location, "not a date (yyyy-MM-dd)");
            return null;
        }
    }

    /**
     * A birth date as records hold it: {@code yyyy-MM-dd}, or only the year ({@code yyyy},
     * or {@code yyyy-00-00} as registrations write an unknown day and month), which is kept
     * as 1 January of that year; matching reads 1 January as "only the year is known".
     */
    LocalDate birthDate(JsonNode parent, String field, String location) {
        String text = text(parent, field, location, false, 10);
        if (text == null) {
            return null;
        }
        if (text.matches("[0-9]{4}(-00-00)?")) {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), 1, 1);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            fault(location, "not a date (yyyy-MM-dd, or yyyy when only the year is known)");
            return null;
        }
    }

    /** A date given as a query parameter, or {@code null} when absent. */
    static LocalDate queryDate(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("The query parameter " + parameter + " is not a date.",
                    List.of(new Fault(parameter, "not a date (yyyy-MM-dd)")));
        }
    }
}
