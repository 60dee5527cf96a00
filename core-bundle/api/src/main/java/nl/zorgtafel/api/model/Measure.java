package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A measure (maatregel) a court granted: an intervention in the youth's life.
 *
 * @param reference the partner's id for the case or ruling it came from
 * @param endsOn the last day it is in force, or {@code null} when open-ended
 */
public record Measure(String reference, MeasureKind kind, LocalDate startsOn, LocalDate endsOn) {

    public Measure {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startsOn, "startsOn");
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("a measure cannot end before it starts");
        }
    }
}
