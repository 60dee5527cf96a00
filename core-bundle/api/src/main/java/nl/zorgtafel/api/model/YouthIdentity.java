package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a partner says a message is about: a youth (jeugdige) as the partner's system knows
 * them. The core matches it to a {@link Youth} of the table: on the BSN when there is one,
 * otherwise as a match candidate on name and birth date.
 *
 * @param bsn the BSN, or {@code null}: trafficking victims often have none
 * @param givenName given name(s) as the partner records them
 * @param familyName family name including prefixes ({@code de}, {@code van der})
 * @param birthDate the birth date, or {@code null} when the partner does not know it
 */
public record YouthIdentity(Bsn bsn, String givenName, String familyName, LocalDate birthDate) {

    public YouthIdentity {
        Objects.requireNonNull(familyName, "familyName");
        givenName = givenName == null ? "" : givenName.strip();
        familyName = familyName.strip();
    }

    public Optional<Bsn> knownBsn() {
        return Optional.ofNullable(bsn);
    }

    /** Names and BSN are personal data: they never appear in a string form. */
    @Override
    public String toString() {
        return "YouthIdentity[bsn=" + (bsn == null ? "none" : "known") + "]";
    }
}
