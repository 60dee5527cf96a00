package nl.zorgtafel.partner.ggz.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;

/** Reads a signal (signaal) from a FHIR {@code Flag}. */
final class FlagReader {

    static final String CATEGORY_SYSTEM = "urn:nl:zorgtafel:signal-category";
    static final String FLAG_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/flag-category";
    private static final String SAFETY = "safety";
    private static final String KNOWN_CATEGORIES = Arrays.stream(SignalCategory.values())
            .map(SignalCategory::code).collect(Collectors.joining(", "));

    /** The signal, or empty when the Flag has a fault (listed in the element's faults). */
    Optional<Signal> read(Element flag, String reference) {
        int faultsBefore = flag.faults().count();
        Element code = flag.field("code");
        SignalCategory category = category(code.field("coding"));
        Urgency urgency = isSafetyConcern(flag.field("category")) ? Urgency.CRISIS : Urgency.NORMAL;
        String summary = code.field("text").text().orElse("");
        Optional<LocalDate> observedOn = FhirDate.readRequired(flag.field("period").field("start"));
        if (flag.faults().count() > faultsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Signal(reference, category, urgency, summary, observedOn.orElseThrow()));
    }

    /** The table's category from its own code system; a Flag without one is about something else. */
    private static SignalCategory category(Element codings) {
        for (Element coding : codings.items()) {
            if (coding.field("system").text().filter(CATEGORY_SYSTEM::equals).isPresent()) {
                Element code = coding.field("code");
                return code.requiredText().map(text -> known(code, text)).orElse(SignalCategory.OTHER);
            }
        }
        return SignalCategory.OTHER;
    }

    private static SignalCategory known(Element code, String text) {
        Optional<SignalCategory> category = SignalCategory.fromCode(text);
        if (category.isEmpty()) {
            code.fault("is not a signal category: one of " + KNOWN_CATEGORIES);
        }
        return category.orElse(SignalCategory.OTHER);
    }

    /** HL7's flag category "safety" is how a FHIR system marks a concern that cannot wait: a crisis. */
    private static boolean isSafetyConcern(Element categories) {
        return categories.items().stream()
                .flatMap(category -> category.field("coding").items().stream())
                .anyMatch(coding -> coding.field("system").text().filter(FLAG_CATEGORY_SYSTEM::equals).isPresent()
                        && coding.field("code").text().filter(SAFETY::equals).isPresent());
    }
}
