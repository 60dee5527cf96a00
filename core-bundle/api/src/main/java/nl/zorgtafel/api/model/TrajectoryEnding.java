package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How and when a care trajectory ended.
 *
 * @param endedOn the last day of care
 * @param kind planned, early, or not known
 * @param reason the partner's own reason, as it gave it (an iJw JZ588 code, a MEE
 *     {@code reden_einde}, a FHIR status), kept so that nothing is lost in translation
 */
public record TrajectoryEnding(LocalDate endedOn, Kind kind, String reason) {

    /** Whether the care ended as planned or before its time. */
    public enum Kind {
        PLANNED("planned"),
        EARLY("early"),
        UNKNOWN("unknown");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public TrajectoryEnding {
        Objects.requireNonNull(endedOn, "endedOn");
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    public boolean endedEarly() {
        return kind == Kind.EARLY;
    }
}
