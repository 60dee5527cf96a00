package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An investigation (raadsonderzoek) by the child-protection board into whether a youth
 * needs a measure.
 *
 * @param reference the board's case number (zaaknummer)
 * @param reason why it started (aanleiding)
 */
public record Investigation(String reference, LocalDate startedOn, String reason) {

    public Investigation {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(startedOn, "startedOn");
        reason = reason == null ? "" : reason;
    }
}
