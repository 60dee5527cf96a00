package nl.zorgtafel.api.model;

import java.util.Objects;

/**
 * A citizen service number (burgerservicenummer): nine digits that pass the elfproef.
 *
 * <p>A BSN is personal data. {@link #toString()} never shows the digits, so that a BSN
 * that slips into a log line or an error message shows nothing; only {@link #digits()}
 * does, for the few places that must encrypt or pseudonymise it.
 */
public final class Bsn {

    private final String digits;

    private Bsn(String digits) {
        this.digits = digits;
    }

    /**
     * Parses a BSN as partners send it: nine digits, or eight that lost their leading zero.
     *
     * @throws IllegalArgumentException if it is not eight or nine digits or fails the
     *     elfproef; the message never contains the value
     */
    public static Bsn of(String value) {
        String normalised = normalise(value);
        if (normalised == null) {
            throw new IllegalArgumentException("a BSN has nine digits");
        }
        if (!passesElfproef(normalised)) {
            throw new IllegalArgumentException("the BSN fails the elfproef");
        }
        return new Bsn(normalised);
    }

    /** Whether {@code value} is a BSN that {@link #of(String)} accepts. */
    public static boolean isValid(String value) {
        String normalised = normalise(value);
        return normalised != null && passesElfproef(normalised);
    }

    private static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (!trimmed.matches("[0-9]{8,9}")) {
            return null;
        }
        return trimmed.length() == 8 ? "0" + trimmed : trimmed;
    }

    /**
     * The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 and not zero
     * ({@code 000000000} would otherwise pass).
     */
    static boolean passesElfproef(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum != 0 && sum % 11 == 0;
    }

    /** The nine digits. Only for encryption and pseudonymisation; never log or show them. */
    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bsn bsn && bsn.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return "Bsn[*********]";
    }
}
