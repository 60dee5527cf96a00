package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The child-protection board's advice (advies) to the juvenile court.
 *
 * @param reference the board's case number (zaaknummer)
 * @param advised the measure it advises, or {@link MeasureKind#NONE}
 */
public record Advice(String reference, LocalDate givenOn, MeasureKind advised, String explanation) {

    public Advice {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(givenOn, "givenOn");
        Objects.requireNonNull(advised, "advised");
        explanation = explanation == null ? "" : explanation;
    }
}
