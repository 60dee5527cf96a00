package nl.zorgtafel.core.internal.table;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.store.Store.Recorded;

/**
 * Missed signals (gemiste signalen), the question a family asks: every signal, from every
 * partner, registered before the first intervention, with the days between each and that
 * intervention.
 *
 * <p>The first intervention is what the contract says: the earliest trajectory start or
 * measure of the case, whoever reported it. A signal on the day of the intervention is the
 * one that led to it, not a missed one. Without an intervention every signal is listed, with
 * no day count. Care the youth left early (the iJw's early endings, MEE's
 * {@code voortijdig-*}) still counts as an intervention — it happened — and is listed apart
 * as well, because the table asks which care did not hold.
 *
 * <p>Beside that, the family's question in its fuller sense: the first <em>lasting</em>
 * intervention, the earliest start on or after the first signal of a measure or of care
 * that was not left early, and the signals before it. Care that had ended before the
 * signals began, or that the youth left early, did not answer them.
 */
public final class MissedSignals {

    /** An intervention: a trajectory's start or a measure. */
    public record Intervention(LocalDate date, TimelineEntry.Kind kind, String partnerId, String what) {
    }

    /** A signal before the intervention; {@code daysBefore} is null when there is none. */
    public record Missed(Recorded<Signal> signal, Long daysBefore) {
    }

    /**
     * @param firstIntervention the intervention, or {@code null} when there was none
     * @param endedEarly every trajectory of the case that was left early, oldest first
     * @param firstLastingIntervention the first lasting intervention, or {@code null}
     * @param signalsBeforeLasting the signals before it, with the days between
     */
    public record Result(Intervention firstIntervention, List<Missed> signals, List<Intervention> endedEarly,
                         Intervention firstLastingIntervention, List<Missed> signalsBeforeLasting) {
    }

    public Result of(CaseFile file) {
        List<Intervention> interventions = new ArrayList<>();
        List<Intervention> leftEarly = new ArrayList<>();
        for (Recorded<CareTrajectory> t : file.trajectories()) {
            CareTrajectory trajectory = t.value();
            Intervention start = new Intervention(trajectory.startedOn(), TimelineEntry.Kind.TRAJECTORY_START,
                    t.partnerId(), trajectory.kind());
            interventions.add(start);
            if (trajectory.knownEnding().map(ending -> ending.endedEarly()).orElse(false)) {
                leftEarly.add(start);
            }
        }
        for (Recorded<Measure> m : file.measures()) {
            if (m.value().kind() != MeasureKind.NONE) {
                interventions.add(new Intervention(m.value().startsOn(), TimelineEntry.Kind.MEASURE, m.partnerId(),
                        m.value().kind().code()));
            }
        }
        Comparator<Intervention> byDate = Comparator.comparing(Intervention::date).thenComparing(Intervention::kind)
                .thenComparing(i -> i.partnerId() == null ? "" : i.partnerId());
        Intervention first = interventions.stream().min(byDate).orElse(null);
        Optional<LocalDate> firstSignal = file.signals().stream().map(s -> s.value().observedOn())
                .min(Comparator.naturalOrder());
        Intervention lasting = firstSignal.flatMap(since -> interventions.stream()
                .filter(i -> !leftEarly.contains(i) && !i.date().isBefore(since))
                .min(byDate)).orElse(null);
        return new Result(first, before(file, first), leftEarly.stream().sorted(byDate).toList(), lasting,
                before(file, lasting));
    }

    /** The signals before an intervention (all of them when there is none), oldest first. */
    private static List<Missed> before(CaseFile file, Intervention intervention) {
        return file.signals().stream()
                .filter(s -> intervention == null || s.value().observedOn().isBefore(intervention.date()))
                .sorted(Comparator.comparing((Recorded<Signal> s) -> s.value().observedOn())
                        .thenComparing(Recorded::partnerId))
                .map(s -> new Missed(s, intervention == null ? null
                        : ChronoUnit.DAYS.between(s.value().observedOn(), intervention.date())))
                .toList();
    }
}
