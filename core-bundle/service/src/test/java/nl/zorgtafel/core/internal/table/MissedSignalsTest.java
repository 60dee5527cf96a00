package nl.zorgtafel.core.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;
import org.junit.jupiter.api.Test;

/** Which signals did we miss? The family's question, answered from one case. */
class MissedSignalsTest {

    private static final LocalDate SCHOOL_ALARM = LocalDate.of(2024, 1, 15);
    private static final LocalDate RUNAWAY = LocalDate.of(2024, 2, 20);
    private static final LocalDate PLACEMENT = LocalDate.of(2024, 3, 1);

    private final MissedSignals missedSignals = new MissedSignals();
    private final List<Recorded<Signal>> signals = new ArrayList<>();
    private final List<Recorded<CareTrajectory>> trajectories = new ArrayList<>();
    private final List<Recorded<Measure>> measures = new ArrayList<>();

    @Test
    void everySignalBeforeTheFirstInterventionIsMissedWithTheDaysBetween() {
        signal("school", SCHOOL_ALARM);
        signal("politie", RUNAWAY);
        trajectory("horizon", PLACEMENT, null, null);

        MissedSignals.Result result = missedSignals.of(file());

        assertThat(result.firstIntervention()).isEqualTo(new MissedSignals.Intervention(PLACEMENT,
                TimelineEntry.Kind.TRAJECTORY_START, "horizon", "closed placement"));
        assertThat(result.signals()).extracting(m -> m.signal().partnerId() + " " + m.daysBefore())
                .containsExactly("school 46", "politie 10");
    }

    @Test
    void theSignalOnTheDayOfTheInterventionLedToItAndWasNotMissed() {
        signal("school", SCHOOL_ALARM);
        signal("politie", PLACEMENT);
        measure("rvdk", PLACEMENT, MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION);

        assertThat(missedSignals.of(file()).signals()).extracting(m -> m.signal().partnerId())
                .containsExactly("school");
    }

    @Test
    void signalsAfterTheInterventionWereNotMissed() {
        signal("school", SCHOOL_ALARM);
        measure("rvdk", RUNAWAY, MeasureKind.OTS);
        signal("politie", PLACEMENT);

        assertThat(missedSignals.of(file()).signals()).extracting(m -> m.signal().partnerId())
                .containsExactly("school");
    }

    @Test
    void careThatStartedBeforeAnySignalIsTheFirstInterventionAsTheContractDefinesIt() {
        trajectory("ggz", SCHOOL_ALARM.minusMonths(6), SCHOOL_ALARM.minusMonths(1), TrajectoryEnding.Kind.PLANNED);
        signal("school", SCHOOL_ALARM);
        trajectory("horizon", PLACEMENT, null, null);

        MissedSignals.Result result = missedSignals.of(file());

        assertThat(result.firstIntervention().date()).isEqualTo(SCHOOL_ALARM.minusMonths(6));
        assertThat(result.signals()).isEmpty();
        assertThat(result.firstLastingIntervention().date()).isEqualTo(PLACEMENT);
        assertThat(result.signalsBeforeLasting()).singleElement()
                .satisfies(m -> assertThat(m.daysBefore()).isEqualTo(46));
    }

    @Test
    void careTheYouthLeftEarlyIsStillAnInterventionAndIsListedApart() {
        signal("school", SCHOOL_ALARM);
        trajectory("mee", RUNAWAY, PLACEMENT, TrajectoryEnding.Kind.EARLY);
        trajectory("horizon", PLACEMENT, null, null);

        MissedSignals.Result result = missedSignals.of(file());

        assertThat(result.firstIntervention().date()).isEqualTo(RUNAWAY);
        assertThat(result.signals()).singleElement().satisfies(m -> assertThat(m.daysBefore()).isEqualTo(36));
        assertThat(result.endedEarly()).extracting(MissedSignals.Intervention::date).containsExactly(RUNAWAY);
        assertThat(result.firstLastingIntervention().date()).isEqualTo(PLACEMENT);
        assertThat(result.signalsBeforeLasting()).singleElement()
                .satisfies(m -> assertThat(m.daysBefore()).isEqualTo(46));
    }

    @Test
    void adviceThatNoMeasureIsNeededIsNoIntervention() {
        signal("school", SCHOOL_ALARM);
        measure("rvdk", RUNAWAY, MeasureKind.NONE);

        assertThat(missedSignals.of(file()).firstIntervention()).isNull();
    }

    @Test
    void withoutAnInterventionEverySignalIsListedWithoutADayCount() {
        signal("school", SCHOOL_ALARM);
        signal("politie", RUNAWAY);

        MissedSignals.Result result = missedSignals.of(file());

        assertThat(result.firstIntervention()).isNull();
        assertThat(result.signals()).extracting(MissedSignals.Missed::daysBefore).containsExactly(null, null);
    }

    @Test
    void aCaseWithoutSignalsMissedNone() {
        trajectory("horizon", PLACEMENT, null, null);

        assertThat(missedSignals.of(file()).signals()).isEmpty();
    }

    private void signal(String partner, LocalDate observedOn) {
        signals.add(new Recorded<>("s-" + signals.size(), partner, new Signal(partner + "-" + signals.size(),
                SignalCategory.OTHER, Urgency.NORMAL, "a worry", observedOn)));
    }

    private void trajectory(String partner, LocalDate start, LocalDate end, TrajectoryEnding.Kind ending) {
        trajectories.add(new Recorded<>("t-" + trajectories.size(), partner, new CareTrajectory(
                partner + "-T-" + trajectories.size(), partner.equals("horizon") ? "closed placement" : "ambulant",
                start, end == null ? null : new TrajectoryEnding(end, ending, ""))));
    }

    private void measure(String partner, LocalDate start, MeasureKind kind) {
        measures.add(new Recorded<>("m-" + measures.size(), partner, new Measure("M-" + measures.size(), kind, start,
                null)));
    }

    private CaseFile file() {
        return new CaseFile(new CaseRecord("c-1", "y-1", "open", SCHOOL_ALARM, false, null, null, null),
                new Youth("y-1", "Noor", "Testdal", LocalDate.of(2008, 5, 17)), Set.of("school"), signals,
                trajectories, measures, List.of(), List.of());
    }
}
