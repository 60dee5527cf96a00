package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A youth (jeugdige) as the table knows them: one per person, however many partners
 * report about them. The BSN is not part of this view; the core keeps it encrypted.
 *
 * @param id the table's own id for the youth, never derived from the BSN
 */
public record Youth(String id, String givenName, String familyName, LocalDate birthDate) {

    public Youth {
        Objects.requireNonNull(id, "id");
    }

    /** The name as the table shows it: given name(s), then family name. */
    public String displayName() {
        return givenName == null || givenName.isBlank() ? familyName : givenName + " " + familyName;
    }

    @Override
    public String toString() {
        return "Youth[id=" + id + "]";
    }
}
