package nl.zorgtafel.partner.ggz.internal;

import java.time.LocalDate;
import java.util.Optional;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.TrajectoryEnding;

/** Reads a care trajectory (behandeltraject) from a FHIR {@code EpisodeOfCare}. */
final class EpisodeOfCareReader {

    private static final String FINISHED = "finished";
    private static final String CANCELLED = "cancelled";

    /** The trajectory, or empty when the EpisodeOfCare has a fault (listed in the element's faults). */
    Optional<CareTrajectory> read(Element episode, String reference) {
        int faultsBefore = episode.faults().count();
        String kind = kind(episode.field("type").first());
        Optional<String> status = episode.field("status").text();
        Element period = episode.field("period");
        Optional<LocalDate> start = FhirDate.readRequired(period.field("start"));
        Element endElement = period.field("end");
        Optional<LocalDate> end = FhirDate.read(endElement);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            endElement.fault("is before period.start");
        }
        if (episode.faults().count() > faultsBefore) {
            return Optional.empty();
        }
        TrajectoryEnding ending = end.flatMap(endedOn -> ending(endedOn, status)).orElse(null);
        return Optional.of(new CareTrajectory(reference, kind, start.orElseThrow(), ending));
    }

    /** What care it is, in GGZ's words: the type's text, else a coding's display, else its code. */
    private static String kind(Element type) {
        Optional<String> text = type.field("text").text();
        if (text.isPresent()) {
            return text.get();
        }
        for (Element coding : type.field("coding").items()) {
            Optional<String> words = coding.field("display").text().or(() -> coding.field("code").text());
            if (words.isPresent()) {
                return words.get();
            }
        }
        return "";
    }

    /**
     * A period end is an ending only once the episode is over: finished is the planned end,
     * cancelled an early one. An active episode's end is only a plan.
     */
    private static Optional<TrajectoryEnding> ending(LocalDate endedOn, Optional<String> status) {
        if (status.filter(FINISHED::equals).isPresent()) {
            return Optional.of(new TrajectoryEnding(endedOn, TrajectoryEnding.Kind.PLANNED, FINISHED));
        }
        if (status.filter(CANCELLED::equals).isPresent()) {
            return Optional.of(new TrajectoryEnding(endedOn, TrajectoryEnding.Kind.EARLY, CANCELLED));
        }
        return Optional.empty();
    }
}
