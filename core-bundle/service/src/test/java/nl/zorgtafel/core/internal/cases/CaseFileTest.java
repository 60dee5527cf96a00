package nl.zorgtafel.core.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.TimelineEntry.Kind;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    private static final LocalDate SCHOOL_ALARM = LocalDate.of(2024, 1, 15);
    private static final LocalDate PLACEMENT = LocalDate.of(2024, 3, 4);
    private static final LocalDate RAN_AWAY = LocalDate.of(2024, 4, 20);

    @Test
    void entriesComeOldestFirstWhateverTheirKind() {
        CaseFile file = file(
                List.of(signal("mee", RAN_AWAY, "ran away from the group"),
                        signal("ggz", SCHOOL_ALARM, "school raised the alarm")),
                List.of(trajectory("horizon", "closed placement", PLACEMENT, null)),
                List.of(new Recorded<>("m-1", "rvdk", new Measure("R-1", MeasureKind.OTS, PLACEMENT.minusDays(10),
                        null))),
                List.of(new Recorded<>("i-1", "rvdk", new Investigation("R-1", SCHOOL_ALARM.plusDays(7),
                        "signals of exploitation"))),
                List.of(new Recorded<>("a-1", "rvdk", new Advice("R-1", SCHOOL_ALARM.plusDays(30), MeasureKind.OTS,
                        "supervision advised"))));

        List<TimelineEntry> timeline = file.timeline();

        assertThat(timeline).extracting(TimelineEntry::date).isSorted();
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(Kind.SIGNAL, Kind.INVESTIGATION,
                Kind.ADVICE, Kind.MEASURE, Kind.TRAJECTORY_START, Kind.SIGNAL);
    }

    @Test
    void anEndedTrajectoryGivesAStartAndAnEarlyEnd() {
        CaseFile file = trajectoriesOnly(trajectory("horizon", "closed placement", PLACEMENT,
                new TrajectoryEnding(RAN_AWAY, TrajectoryEnding.Kind.EARLY, "33")));

        assertThat(file.timeline())
                .extracting(TimelineEntry::date, TimelineEntry::kind, TimelineEntry::partner, TimelineEntry::summary,
                        TimelineEntry::outcome)
                .containsExactly(
                        tuple(PLACEMENT, Kind.TRAJECTORY_START, "horizon", "closed placement", null),
                        tuple(RAN_AWAY, Kind.TRAJECTORY_END, "horizon", "closed placement", "early"));
    }

    @Test
    void aTrajectoryThatEndedAsPlannedSaysSo() {
        CaseFile file = trajectoriesOnly(trajectory("mee", "ambulant support", SCHOOL_ALARM,
                new TrajectoryEnding(PLACEMENT, TrajectoryEnding.Kind.PLANNED, "afgerond")));

        assertThat(file.timeline()).last().satisfies(end -> {
            assertThat(end.kind()).isEqualTo(Kind.TRAJECTORY_END);
            assertThat(end.outcome()).isEqualTo("planned");
        });
    }

    @Test
    void aRunningTrajectoryHasOnlyAStart() {
        CaseFile file = trajectoriesOnly(trajectory("ggz", "treatment", PLACEMENT, null));

        assertThat(file.timeline()).extracting(TimelineEntry::kind).containsExactly(Kind.TRAJECTORY_START);
    }

    @Test
    void onTheSameDayTheSignalComesBeforeTheTrajectoryStart() {
        CaseFile file = file(List.of(signal("mee", PLACEMENT, "found at a party")),
                List.of(trajectory("ggz", "crisis admission", PLACEMENT, null)), List.of(), List.of(), List.of());

        assertThat(file.timeline()).extracting(TimelineEntry::kind)
                .containsExactly(Kind.SIGNAL, Kind.TRAJECTORY_START);
    }

    @Test
    void aSignalEntryCarriesItsPartnerSummaryAndUrgency() {
        CaseFile file = file(List.of(signal("jbrr", RAN_AWAY, "found in a brothel")), List.of(), List.of(), List.of(),
                List.of());

        assertThat(file.timeline()).singleElement().isEqualTo(new TimelineEntry(RAN_AWAY, Kind.SIGNAL, "jbrr",
                "found in a brothel", "normal"));
    }

    private static CaseFile trajectoriesOnly(Recorded<CareTrajectory> trajectory) {
        return file(List.of(), List.of(trajectory), List.of(), List.of(), List.of());
    }

    private static CaseFile file(List<Recorded<Signal>> signals, List<Recorded<CareTrajectory>> trajectories,
                                 List<Recorded<Measure>> measures, List<Recorded<Investigation>> investigations,
                                 List<Recorded<Advice>> advice) {
        return new CaseFile(new CaseRecord("c-1", "y-1", "open", SCHOOL_ALARM, false, null, null, null),
                new Youth("y-1", "Noor", "Testdal", LocalDate.of(2008, 5, 17)), Set.of("ggz", "mee"), signals,
                trajectories, measures, investigations, advice);
    }

    private static Recorded<Signal> signal(String partner, LocalDate observedOn, String summary) {
        return new Recorded<>("s-" + summary.hashCode(), partner, new Signal("S-" + observedOn,
                SignalCategory.RUNAWAY, Urgency.NORMAL, summary, observedOn));
    }

    private static Recorded<CareTrajectory> trajectory(String partner, String kind, LocalDate startedOn,
                                                       TrajectoryEnding ending) {
        return new Recorded<>("t-" + kind.hashCode(), partner, new CareTrajectory("T-" + startedOn, kind, startedOn,
                ending));
    }
}
