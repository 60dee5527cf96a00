package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a case's timeline: what happened, when, and which partner said so.
 *
 * @param partner the partner id, or {@code null} for the table's own entries (meetings)
 * @param outcome how it turned out, where that applies: {@code "early"} or {@code
 *     "planned"} for a trajectory end, the measure kind for a measure; otherwise {@code null}
 */
public record TimelineEntry(LocalDate date, Kind kind, String partner, String summary, String outcome) {

    /** What kind of thing happened; the codes are those of the API. */
    public enum Kind {
        SIGNAL("signal"),
        TRAJECTORY_START("trajectory-start"),
        TRAJECTORY_END("trajectory-end"),
        MEASURE("measure"),
        INVESTIGATION("investigation"),
        ADVICE("advice"),
        MEETING("meeting"),
        AGREEMENT("agreement");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? "" : summary;
    }
}
