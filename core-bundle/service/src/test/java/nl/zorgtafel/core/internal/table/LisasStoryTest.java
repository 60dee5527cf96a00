package nl.zorgtafel.core.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.crisis.CrisisPath;
import nl.zorgtafel.core.internal.matching.MatchCandidates;
import nl.zorgtafel.core.internal.store.MatchStore;
import nl.zorgtafel.core.internal.testing.TableStory;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lisa's story (the article the platform was born from), told through the events the
 * partners' adapters send and the table's own work: MEE's support she left early, GGZ's
 * earlier treatment and its worry, the police finding her in a brothel on 27 May 2015
 * (without papers: no BSN), the crisis team, the emergency authorisation and Horizon's
 * closed placement that same day, the next monthly table, and her return a year later.
 */
class LisasStoryTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final LocalDate BORN = LocalDate.of(1997, 11, 3);
    private static final LocalDate MEE_START = LocalDate.of(2015, 3, 2);
    private static final LocalDate GGZ_WORRY = LocalDate.of(2015, 5, 11);
    private static final LocalDate MEE_END = LocalDate.of(2015, 5, 12);
    private static final LocalDate CRISIS = LocalDate.of(2015, 5, 27);
    private static final LocalDate JUNE_TABLE = LocalDate.of(2015, 6, 3);

    private final TableStory story = new TableStory(DATABASE, MEE_START.plusDays(1));
    private final YouthIdentity lisa = new YouthIdentity(TestBsns.bsn("999990019"), "Lisa", "de Vries", BORN);
    /** The police found her without papers; they wrote her name as she said it. */
    private final YouthIdentity lisaAtThePolice = new YouthIdentity(null, "Lisa", "Vries, de", BORN);
    /** Horizon's iJw message carries initials only. */
    private final YouthIdentity lisaAtHorizon = new YouthIdentity(TestBsns.bsn("999990019"), "L", "de Vries", BORN);

    private String lisasCase;
    private String policeCase;
    private String meeting;

    @BeforeEach
    void tellTheStoryUntilTheJuneTable() {
        // MEE's daily export: client support since 2 March, with its worry
        lisasCase = story.apply("mee",
                new PartnerEvent.TrajectoryReported(lisa, trajectory("MEE-88121", "clientondersteuning", MEE_START,
                        null)),
                new PartnerEvent.SignalReported(lisa, new Signal("MEE-88121-signaal", SignalCategory.OTHER,
                        Urgency.NORMAL, "Lisa komt niet meer op afspraken", MEE_START)));
        // GGZ's bundle: treatment that ended in February, and a worry on 11 May
        story.on(GGZ_WORRY);
        story.apply("ggz",
                new PartnerEvent.SignalReported(lisa, new Signal("ggz-flag-1", SignalCategory.PROSTITUTION,
                        Urgency.NORMAL, "Cliënte vertelt dat zij 'voor een vriend' werkt", GGZ_WORRY)),
                new PartnerEvent.TrajectoryReported(lisa, trajectory("ggz-eoc-1", "Ambulante behandeling jeugd-GGZ",
                        LocalDate.of(2014, 9, 1), new TrajectoryEnding(LocalDate.of(2015, 2, 15),
                                TrajectoryEnding.Kind.PLANNED, "finished"))));
        // MEE's export of 13 May: she ended the support herself
        story.on(MEE_END.plusDays(1));
        story.apply("mee", new PartnerEvent.TrajectoryReported(lisa, trajectory("MEE-88121", "clientondersteuning",
                MEE_START, new TrajectoryEnding(MEE_END, TrajectoryEnding.Kind.EARLY, "voortijdig-client"))));
        // 27 May: the police take her out of a brothel; the crisis team is called
        story.on(CRISIS);
        policeCase = story.signal("politie", lisaAtThePolice, "CMP-2015-0412", SignalCategory.PROSTITUTION,
                Urgency.CRISIS);
        story.clock.advance(Duration.ofMinutes(15));
        story.crises.acknowledge(policeCase, "kim@jbrr");
        MatchCandidates.View candidate = story.candidates.list(MatchStore.Status.OPEN).get(0);
        story.candidates.confirm(candidate.candidate().id(), TableStory.COORDINATOR);
        story.crises.requestMeasure(lisasCase, "jbrr", MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION.code(), CRISIS,
                "spoedmachtiging aangevraagd via de Raad", "kim@jbrr");
        story.measure("rvdk", lisa, "RT-2015-118", MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION, CRISIS,
                LocalDate.of(2015, 6, 10));
        story.on(CRISIS.plusDays(1));
        story.trajectory("horizon", lisaAtHorizon, "20150527001", "gesloten jeugdhulp", CRISIS, null, null, null);
        // the June table
        story.on(JUNE_TABLE);
        meeting = story.meetings.create(JUNE_TABLE, TableStory.COORDINATOR).meeting().id();
        story.meetings.recordMinutes(meeting, lisasCase, "Gesloten plaatsing loopt; behandelplan volgt.",
                TableStory.COORDINATOR);
        story.agreements.make(lisasCase, "Behandelplan opstellen", "horizon", JUNE_TABLE.plusWeeks(5), meeting,
                TableStory.COORDINATOR);
    }

    @Test
    void theCrisisWithoutABsnWasProposedAndMergedIntoHerCase() {
        assertThat(story.caseRecord(policeCase).status()).isEqualTo("merged");
        assertThat(story.cases.list("open", null)).extracting(c -> c.caseRecord().id()).containsExactly(lisasCase);
        assertThat(story.candidates.list(MatchStore.Status.CONFIRMED)).singleElement()
                .satisfies(c -> assertThat(c.candidate().reasons()).containsExactly("name", "birth-date"));
        CaseFile file = story.caseFile(lisasCase);
        assertThat(file.partners()).containsExactly("ggz", "horizon", "jbrr", "mee", "politie", "rvdk");
        assertThat(file.caseRecord().crisis()).isTrue();
    }

    @Test
    void herTimelineTellsTheWholeStoryInOrder() {
        List<String> timeline = story.caseFile(lisasCase).timeline().stream()
                .map(e -> e.date() + " " + e.kind().code() + " " + e.partner()
                        + (e.outcome() == null ? "" : " " + e.outcome()))
                .toList();

        assertThat(timeline).containsExactly(
                "2014-09-01 trajectory-start ggz",
                "2015-02-15 trajectory-end ggz planned",
                "2015-03-02 signal mee normal",
                "2015-03-02 trajectory-start mee",
                "2015-05-11 signal ggz normal",
                "2015-05-12 trajectory-end mee early",
                "2015-05-27 signal politie crisis",
                "2015-05-27 trajectory-start horizon",
                "2015-05-27 measure rvdk spoedmachtiging-gesloten-jeugdhulp",
                "2015-06-03 meeting null",
                "2015-06-03 agreement horizon open");
    }

    @Test
    void theSignalsMissedBeforeTheLastingInterventionOf27MayAreMeesAndGgzs() {
        MissedSignals.Result missed = new MissedSignals().of(story.caseFile(lisasCase));

        // the contract's first intervention: GGZ's treatment of 2014, before any signal
        assertThat(missed.firstIntervention().date()).isEqualTo(LocalDate.of(2014, 9, 1));
        assertThat(missed.signals()).isEmpty();
        // the care that answered the signals: 27 May
        assertThat(missed.firstLastingIntervention().date()).isEqualTo(CRISIS);
        assertThat(missed.signalsBeforeLasting()).extracting(m -> m.signal().value().observedOn() + " "
                + m.signal().partnerId() + " " + m.daysBefore())
                .containsExactly("2015-03-02 mee 86", "2015-05-11 ggz 16");
        assertThat(missed.endedEarly()).singleElement().satisfies(care -> {
            assertThat(care.partnerId()).isEqualTo("mee");
            assertThat(care.kind()).isEqualTo(TimelineEntry.Kind.TRAJECTORY_START);
        });
    }

    @Test
    void theCaseShowsTheCrisisPathFromThePolicesSignalToTheAuthorisation() {
        List<CrisisPath> paths = CrisisPath.of(story.caseFile(lisasCase));

        assertThat(paths).singleElement().satisfies(path -> {
            assertThat(path.signal().partnerId()).isEqualTo("politie");
            assertThat(path.notification()).isNotNull();
            assertThat(path.crisis().acknowledgedBy()).isEqualTo("kim@jbrr");
            assertThat(path.requested()).isEqualTo(new CrisisPath.Step(CRISIS, "jbrr",
                    "spoedmachtiging-gesloten-jeugdhulp", "request"));
            assertThat(path.granted()).isEqualTo(new CrisisPath.Step(CRISIS, "rvdk",
                    "spoedmachtiging-gesloten-jeugdhulp", "measure"));
        });
        assertThat(story.notificationsTo("jbrr")).first().isEqualTo("CRISIS_SIGNAL");
    }

    @Test
    void theJuneTableHadHerOnTheAgendaAsANewCrisisCaseAndEveryPartnerWasTold() {
        Meetings.MeetingView june = story.meetings.read(meeting).orElseThrow();

        assertThat(june.items()).singleElement().satisfies(item -> {
            assertThat(item.item().caseId()).isEqualTo(lisasCase);
            assertThat(item.item().reasons()).containsExactly(Agendas.NEW, Agendas.CRISIS);
            assertThat(item.item().minutes()).isEqualTo("Gesloten plaatsing loopt; behandelplan volgt.");
        });
        for (String partner : List.of("ggz", "horizon", "jbrr", "mee", "politie", "rvdk")) {
            assertThat(story.summariesTo(partner, "AGENDA")).as(partner)
                    .containsExactly("On the agenda of the table of 2015-06-03 (new, crisis).");
        }
        assertThat(story.summariesTo("horizon", "AGREEMENT")).containsExactly(
                "Agreement for you, due 2015-07-08: Behandelplan opstellen");
    }

    @Test
    void signalledAgainWithinAYearOfClosingSheIsARepeatWithHerEarlierCareInTheReport() {
        story.on(LocalDate.of(2016, 1, 15));
        story.close(lisasCase, "behandeling afgerond, terug naar huis");
        story.on(LocalDate.of(2016, 9, 1));

        String again = story.signal("ggz", lisa, "ggz-flag-2", SignalCategory.LOVERBOY, Urgency.NORMAL);
        RecurrenceReport.Report report = story.recurrence.report(LocalDate.of(2016, 1, 1),
                LocalDate.of(2016, 12, 31));

        assertThat(story.caseRecord(again).repeatOf()).isEqualTo(lisasCase);
        assertThat(report.closedCases()).isOne();
        assertThat(report.repeats()).isOne();
        assertThat(report.repeatRate()).isEqualTo(1.0);
        assertThat(report.items()).singleElement().satisfies(repeat -> assertThat(repeat.precedingTrajectories())
                .extracting(t -> t.partnerId() + " " + t.value().knownEnding().map(e -> e.kind().code())
                        .orElse("running"))
                .containsExactlyInAnyOrder("ggz planned", "mee early", "horizon running"));
    }

    private static CareTrajectory trajectory(String reference, String kind, LocalDate start,
                                             TrajectoryEnding ending) {
        return new CareTrajectory(reference, kind, start, ending);
    }
}
