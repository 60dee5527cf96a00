package nl.zorgtafel.partner.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.zorgtafel.api.model.Bsn;

/**
 * Finds nine-digit numbers in text an adapter produced (a fault, an ignored part, a rendered
 * notification) that must not be there: any run of nine digits taken from the partner's
 * input, which may be a BSN the adapter did not recognise, and anything that passes the
 * elfproef.
 */
final class PersonalNumbers {

    private static final int BSN_LENGTH = 9;

    private PersonalNumbers() {
    }

    /**
     * The nine-digit windows of {@code text} that pass the elfproef or occur in {@code input}.
     *
     * @param input the partner's raw input, empty when there is none
     */
    static Set<String> leakedInto(String text, byte[] input) {
        Set<String> windows = nineDigitWindows(text);
        if (windows.isEmpty()) {
            return windows;
        }
        // digits are ASCII in every charset partners use, so Latin-1 finds them in any of them
        String inputText = new String(input, StandardCharsets.ISO_8859_1);
        Set<String> leaks = new LinkedHashSet<>();
        for (String window : windows) {
            if (Bsn.isValid(window) || inputText.contains(window)) {
                leaks.add(window);
            }
        }
        return leaks;
    }

    /** Every nine-digit window of every run of digits: {@code 1234567890} has two. */
    static Set<String> nineDigitWindows(String text) {
        Set<String> windows = new LinkedHashSet<>();
        int runStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean digit = i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
            if (digit && runStart < 0) {
                runStart = i;
            } else if (!digit && runStart >= 0) {
                for (int start = runStart; start + BSN_LENGTH <= i; start++) {
                    windows.add(text.substring(start, start + BSN_LENGTH));
                }
                runStart = -1;
            }
        }
        return windows;
    }
}
