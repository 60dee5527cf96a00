package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A signal (signaal, zorgmelding): a partner's registered concern about a youth.
 *
 * @param reference the partner's own id for the signal; a second report with the same
 *     reference updates the first instead of adding one
 * @param summary what the partner saw, in its own words
 * @param observedOn when the partner saw it
 */
public record Signal(String reference, SignalCategory category, Urgency urgency, String summary,
                     LocalDate observedOn) {

    public Signal {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(observedOn, "observedOn");
        summary = summary == null ? "" : summary;
    }

    public boolean isCrisis() {
        return urgency == Urgency.CRISIS;
    }
}
