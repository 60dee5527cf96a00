package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A case (casus): the table's work about one youth, from the first signal until it is
 * closed. A youth signalled again after a closed case gets a new case that is a repeat.
 *
 * @param repeatOf the id of the closed case this one repeats, or {@code null}
 */
public record Case(String id, String youthId, CaseStatus status, LocalDate openedOn, boolean crisis,
                   String repeatOf) {

    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(youthId, "youthId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedOn, "openedOn");
    }

    public boolean isRepeat() {
        return repeatOf != null;
    }
}
