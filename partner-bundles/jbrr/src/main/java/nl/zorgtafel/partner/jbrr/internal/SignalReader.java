package nl.zorgtafel.partner.jbrr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;

/**
 * One signal (signaal) in canonical JSON, the shape {@code POST /api/v1/signals} takes:
 * {@code {"youth":{"bsn"?, "givenName", "familyName", "birthDate"}, "category", "urgency",
 * "summary", "observedOn", "partnerReference"}}.
 *
 * <p>The rules are the API's, field for field, so that a partner that sends a signal here
 * or to the API gets the same answer: the same required fields, lengths, codes and fault
 * texts, each fault located by its field under the signal's own path
 * ({@code signals[2].youth.bsn}) and never showing the value.
 */
final class SignalReader {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;
    static final int MAX_CATEGORY = 64;
    static final int MAX_URGENCY = 16;
    static final int DATE_LENGTH = 10;

    static final Set<String> SIGNAL_MEMBERS =
            Set.of("youth", "category", "urgency", "summary", "observedOn", "partnerReference");
    static final Set<String> YOUTH_MEMBERS = Set.of("bsn", "givenName", "familyName", "birthDate");

    /** A member name shown back to the partner only when it cannot be personal data. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_-]{1,64}");

    private final Clock clock;

    /** @param clock whose today decides what lies in the future */
    SignalReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * The signal at {@code path}, or empty with every fault it has added to {@code faults}.
     *
     * @param defaultReference the reference when the signal has no {@code partnerReference}
     * @param ignored where members the shape does not have are named
     */
    Optional<SignalReported> read(JsonNode node, String path, String defaultReference, List<Fault> faults,
                                  List<String> ignored) {
        if (!node.isObject()) {
            faults.add(new Fault(path, "not an object"));
            return Optional.empty();
        }
        Members signal = new Members(node, path, faults);
        int faultsBefore = faults.size();
        JsonNode youthNode = node.path("youth");
        if (!youthNode.isObject()) {
            faults.add(new Fault(path + ".youth", "required, an object"));
        }
        Members youth = new Members(youthNode, path + ".youth", faults);
        Bsn bsn = youth.bsn("bsn");
        String givenName = youth.text("givenName", false, MAX_NAME);
        String familyName = youth.text("familyName", true, MAX_NAME);
        LocalDate birthDate = youth.date("birthDate", false);
        SignalCategory category = signal.code("category", true, MAX_CATEGORY, SignalCategory::fromCode,
                "not one of exploitation-suspected, prostitution, loverboy, runaway, school-dropout, other");
        Urgency urgency = signal.code("urgency", false, MAX_URGENCY, Urgency::fromCode, "not one of normal, crisis");
        String summary = signal.text("summary", false, MAX_TEXT);
        LocalDate observedOn = signal.date("observedOn", true);
        String reference = signal.text("partnerReference", false, MAX_NAME);
        if (observedOn != null && observedOn.isAfter(LocalDate.now(clock).plusDays(1))) {
            faults.add(new Fault(path + ".observedOn", "lies in the future"));
        }
        signal.nameOthers(SIGNAL_MEMBERS, ignored);
        youth.nameOthers(YOUTH_MEMBERS, ignored);
        if (faults.size() > faultsBefore) {
            return Optional.empty();
        }
        return Optional.of(new SignalReported(new YouthIdentity(bsn, givenName, familyName, birthDate),
                new Signal(reference == null ? defaultReference : reference, category,
                        urgency == null ? Urgency.NORMAL : urgency, summary, observedOn)));
    }

    /**
     * How a member the shape does not have is named in {@code ignored}: by its path, or only
     * by its parent's when the name could be personal data (digits, odd characters).
     *
     * @param parent the parent's path, empty for the top level
     */
    static String ignoredMember(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
        return (parent.isEmpty() ? CanonicalJson.ROOT : parent) + " (a member with an unusual name)";
    }

    /** The members of one JSON object, read by name, each fault located under {@code path}. */
    private static final class Members {

        private final JsonNode node;
        private final String path;
        private final List<Fault> faults;

        Members(JsonNode node, String path, List<Fault> faults) {
            this.node = node;
            this.path = path;
            this.faults = faults;
        }

        private void fault(String name, String problem) {
            faults.add(new Fault(path + "." + name, problem));
        }

        /**
         * A string member, stripped; null when absent, null or blank (a fault if required),
         * and null with a fault when it is no string or too long.
         */
        String text(String name, boolean required, int maxLength) {
            JsonNode value = node.path(name);
            boolean absent = value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank();
            if (absent) {
                if (required) {
                    fault(name, "required");
                }
                return null;
            }
            if (!value.isTextual()) {
                fault(name, "must be a string");
                return null;
            }
            if (value.asText().length() > maxLength) {
                fault(name, "longer than " + maxLength + " characters");
                return null;
            }
            return value.asText().strip();
        }

        /** An ISO date ({@code yyyy-MM-dd}). */
        LocalDate date(String name, boolean required) {
            String text = text(name, required, DATE_LENGTH);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                fault(name, "not a date (yyyy-MM-dd)");
                return null;
            }
        }

        /** A code of one of the API's enumerations; null when absent or faulty. */
        <T> T code(String name, boolean required, int maxLength, Function<String, Optional<T>> lookup,
                   String unknown) {
            String text = text(name, required, maxLength);
            if (text == null) {
                return null;
            }
            Optional<T> value = lookup.apply(text);
            if (value.isEmpty()) {
                fault(name, unknown);
            }
            return value.orElse(null);
        }

        /** A BSN, when present: a string of nine digits (or eight) that passes the elfproef. */
        Bsn bsn(String name) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            if (value.isTextual() && Bsn.isValid(value.asText())) {
                return Bsn.of(value.asText());
            }
            fault(name, "not a valid BSN (nine digits passing the elfproef)");
            return null;
        }

        /** Names the members the shape does not have, for {@code ignored}; never their values. */
        void nameOthers(Set<String> known, List<String> ignored) {
            if (!node.isObject()) {
                return;
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    ignored.add(ignoredMember(path, name));
                }
            });
        }
    }
}
