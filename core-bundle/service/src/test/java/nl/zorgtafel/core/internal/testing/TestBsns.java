package nl.zorgtafel.core.internal.testing;

import nl.zorgtafel.api.model.Bsn;

/**
 * Test BSNs: only numbers from the test range {@code 99999xxxx}, checked with the elfproef
 * before use, so that a typo in a test fails loudly instead of testing a rejection.
 */
public final class TestBsns {

    private TestBsns() {
    }

    /** The digits, once checked: for tests that send a BSN as text. */
    public static String digits(String digits) {
        if (!digits.startsWith("99999") || !Bsn.isValid(digits)) {
            throw new IllegalArgumentException("not a test BSN that passes the elfproef: " + digits);
        }
        return digits;
    }

    public static Bsn bsn(String digits) {
        return Bsn.of(digits(digits));
    }
}
