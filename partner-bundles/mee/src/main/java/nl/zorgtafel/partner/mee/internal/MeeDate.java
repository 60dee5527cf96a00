package nl.zorgtafel.partner.mee.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** A date as MEE writes it: {@code dd-MM-yyyy}, two digits, two digits, four digits, a real day. */
final class MeeDate {

    static final String FORM = "dd-MM-yyyy";

    private static final Pattern SHAPE = Pattern.compile("[0-9]{2}-[0-9]{2}-[0-9]{4}");
    // uuuu, not yyyy: a strict resolver wants an era with yyyy
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);

    private MeeDate() {
    }

    /** The date, or empty when the text is not one ({@code 31-02-2015}, {@code 2015-03-02}, {@code 2-3-2015}). */
    static Optional<LocalDate> parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, FORMAT));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String format(LocalDate date) {
        return FORMAT.format(date);
    }
}
