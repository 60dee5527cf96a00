package nl.zorgtafel.partner.ggz.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR {@code date} and {@code dateTime} values as the table's dates. A partial date
 * ({@code 2015}, {@code 2015-05}) stands for its first day; a dateTime gives the date as the
 * partner wrote it, whatever its time zone.
 */
final class FhirDate {

    static final String EXPECTED = "must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD) or dateTime";

    /** The FHIR R4 date and dateTime grammar; a time needs seconds and a zone. */
    private static final Pattern DATE_OR_DATE_TIME = Pattern.compile(
            "([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})"
                    + "(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]{1,9})?"
                    + "(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?");

    private FhirDate() {
    }

    /** The date, absent when the element is; a fault when it is not a FHIR date. */
    static Optional<LocalDate> read(Element element) {
        return element.text().flatMap(text -> parse(element, text));
    }

    /** The date, with a fault when it is absent or not a FHIR date. */
    static Optional<LocalDate> readRequired(Element element) {
        return element.requiredText().flatMap(text -> parse(element, text));
    }

    private static Optional<LocalDate> parse(Element element, String text) {
        Matcher matcher = DATE_OR_DATE_TIME.matcher(text);
        if (!matcher.matches()) {
            element.fault(EXPECTED);
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            int month = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
            int day = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            element.fault(EXPECTED + "; this day does not exist");
            return Optional.empty();
        }
    }
}
