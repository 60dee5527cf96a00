package nl.zorgtafel.core.internal.matching;

import java.time.LocalDate;

/** Who a record says someone is, as far as matching without a BSN can tell: names and birth date. */
public record Person(String givenName, String familyName, LocalDate birthDate) {

    /** Names are personal data: they never appear in a string form. */
    @Override
    public String toString() {
        return "Person[birthDate=" + (birthDate == null ? "unknown" : "known") + "]";
    }
}
