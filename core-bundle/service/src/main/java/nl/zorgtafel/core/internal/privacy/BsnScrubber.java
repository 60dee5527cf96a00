package nl.zorgtafel.core.internal.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgtafel.api.model.Bsn;

/**
 * Removes what could be a BSN from a text that leaves the platform's care: an audit record,
 * a log line, a fault. Any run of eight or nine digits that passes the elfproef becomes
 * {@value #MARK}; other numbers (dates, counts, the digits inside an id) stay.
 */
public final class BsnScrubber {

    public static final String MARK = "[bsn]";
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9]{8,9}(?![0-9])");

    private BsnScrubber() {
    }

    /** The text with every BSN-like number replaced; {@code null} stays {@code null}. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        Matcher digits = DIGIT_RUN.matcher(text);
        StringBuilder scrubbed = null;
        int copied = 0;
        while (digits.find()) {
            if (Bsn.isValid(digits.group())) {
                if (scrubbed == null) {
                    scrubbed = new StringBuilder(text.length());
                }
                scrubbed.append(text, copied, digits.start()).append(MARK);
                copied = digits.end();
            }
        }
        if (scrubbed == null) {
            return text;
        }
        return scrubbed.append(text, copied, text.length()).toString();
    }

    /** Whether the text holds a BSN-like number. */
    public static boolean holdsBsn(String text) {
        return text != null && !scrub(text).equals(text);
    }
}
