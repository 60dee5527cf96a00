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
 * <p>The first intervention is the earliest start, on or after the case's first signal, of
 * a measure or of a care trajectory that did not end early. Care that had ended before the
 * signals began is history, not an answer to them; care the youth left early (the iJw's
 * early endings, MEE's {@code voortijdig-*}) did not hold, and is listed apart. A signal on
 * the day of the intervention is the one that led to it, not a missed one. Without an
 * intervention every signal is listed, with no day count.
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
     * @param endedEarly care that started after the first signal and before the
     *     intervention, and was left early
     */
    public record Result(Intervention firstIntervention, List<Missed> signals, List<Intervention> endedEarly) {
    }

    public Result of(CaseFile file) {
        Optional<LocalDate> firstSignal = file.signals().stream().map(s -> s.value().observedOn())
                .min(Comparator.naturalOrder());
        List<Intervention> held = new ArrayList<>();
        List<Intervention> leftEarly = new ArrayList<>();
        for (Recorded<CareTrajectory> t : file.trajectories()) {
            CareTrajectory trajectory = t.value();
            Intervention start = new Intervention(trajectory.startedOn(), TimelineEntry.Kind.TRAJECTORY_START,
                    t.partnerId(), trajectory.kind());
            boolean early = trajectory.knownEnding().map(ending -> ending.endedEarly()).orElse(false);
            (early ? leftEarly : held).add(start);
        }
        for (Recorded<Measure> m : file.measures()) {
            if (m.value().kind() != MeasureKind.NONE) {
                held.add(new Intervention(m.value().startsOn(), TimelineEntry.Kind.MEASURE, m.partnerId(),
                        m.value().kind().code()));
            }
        }
        Comparator<Intervention> byDate = Comparator.comparing(Intervention::date).thenComparing(Intervention::kind)
                .thenComparing(i -> i.partnerId() == null ? "" : i.partnerId());
        Intervention first = firstSignal.flatMap(since -> held.stream()
                .filter(i -> !i.date().isBefore(since)).min(byDate)).orElse(null);
        List<Missed> missed = file.signals().stream()
                .filter(s -> first == null || s.value().observedOn().isBefore(first.date()))
                .sorted(Comparator.comparing((Recorded<Signal> s) -> s.value().observedOn())
                        .thenComparing(Recorded::partnerId))
                .map(s -> new Missed(s, first == null ? null
                        : ChronoUnit.DAYS.between(s.value().observedOn(), first.date())))
                .toList();
        List<Intervention> earlyBefore = firstSignal.map(since -> leftEarly.stream()
                .filter(i -> !i.date().isBefore(since) && (first == null || i.date().isBefore(first.date())))
                .sorted(byDate).toList()).orElse(List.of());
        return new Result(first, missed, earlyBefore);
    }
}
