package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A care trajectory (zorgtraject, behandeltraject): care a partner delivers to a youth,
 * from its start to how it ended.
 *
 * @param reference the partner's own id for the trajectory (a FHIR EpisodeOfCare id, an
 *     iJw ToewijzingNummer, a MEE trajectnummer); later reports with the same reference
 *     update it
 * @param kind what care it is, in the partner's words ("closed placement", "ambulant")
 * @param ending how it ended, or {@code null} while it runs
 */
public record CareTrajectory(String reference, String kind, LocalDate startedOn, TrajectoryEnding ending) {

    public CareTrajectory {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedOn, "startedOn");
        if (ending != null && ending.endedOn().isBefore(startedOn)) {
            throw new IllegalArgumentException("a trajectory cannot end before it starts");
        }
    }

    public Optional<TrajectoryEnding> knownEnding() {
        return Optional.ofNullable(ending);
    }
}
