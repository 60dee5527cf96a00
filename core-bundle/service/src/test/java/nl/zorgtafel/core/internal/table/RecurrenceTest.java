package nl.zorgtafel.core.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.testing.TableStory;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closing, reopening and recurrence (terugkeer), as the table sees them. */
class RecurrenceTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final LocalDate FIRST_SIGNAL = LocalDate.of(2023, 2, 6);
    private static final LocalDate CLOSED = LocalDate.of(2023, 6, 30);

    private final TableStory story = new TableStory(DATABASE, FIRST_SIGNAL);
    private final YouthIdentity noor = youth("999990019", "Noor", "Testdal");
    private final YouthIdentity sem = youth("999990020", "Sem", "Voorbeeld");
    private final YouthIdentity fleur = youth("999990032", "Fleur", "Proefhuis");

    @Test
    void closingKeepsTheReasonAndStartsTheRetentionClock() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.on(CLOSED);

        CaseRecord closed = story.close(caseId, "care in place, no further concern");

        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.closedOn()).isEqualTo(CLOSED);
        assertThat(closed.closeReason()).isEqualTo("care in place, no further concern");
        assertThat(story.caseFile(caseId).life().caseLife().retentionFrom()).isEqualTo(CLOSED);
        assertThat(story.caseFile(caseId).life().statusChanges()).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo("closed");
            assertThat(change.by()).isEqualTo(TableStory.COORDINATOR);
        });
    }

    @Test
    void reopeningStopsTheRetentionClockAndKeepsBothReasons() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.on(CLOSED);
        story.close(caseId, "care in place");
        story.on(CLOSED.plusDays(3));

        CaseRecord reopened = story.lifecycle.reopen(caseId, "closed too soon", TableStory.COORDINATOR).orElseThrow();

        assertThat(reopened.status()).isEqualTo("open");
        assertThat(reopened.closedOn()).isNull();
        assertThat(story.caseFile(caseId).life().caseLife().retentionFrom()).isNull();
        assertThat(story.caseFile(caseId).life().statusChanges()).extracting(c -> c.status() + ": " + c.reason())
                .containsExactly("closed: care in place", "open: closed too soon");
    }

    @Test
    void aClosedCaseCannotBeClosedAgainNorAnOpenOneReopened() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);

        assertThatThrownBy(() -> story.lifecycle.reopen(caseId, null, TableStory.COORDINATOR))
                .isInstanceOf(Conflict.class);
        story.close(caseId, "care in place");
        assertThatThrownBy(() -> story.close(caseId, "again")).isInstanceOf(Conflict.class);
    }

    @Test
    void aClosedCaseStaysClosedWhileTheYouthHasALaterOpenCase() {
        String first = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.close(first, "care in place");
        story.on(CLOSED);
        story.signal("mee", noor, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);

        assertThatThrownBy(() -> story.lifecycle.reopen(first, "wrong case", TableStory.COORDINATOR))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aYouthSignalledAgainWithin12MonthsOfClosingIsARepeatOnTheNextAgenda() {
        String first = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.meetings.create(FIRST_SIGNAL.plusDays(9), TableStory.COORDINATOR);
        story.on(CLOSED);
        story.close(first, "care in place");
        story.on(CLOSED.plusMonths(11));

        String again = story.signal("politie", noor, "POL-1", SignalCategory.PROSTITUTION, Urgency.NORMAL);
        Meetings.MeetingView next = story.meetings.create(CLOSED.plusMonths(11).plusDays(7), TableStory.COORDINATOR);

        assertThat(again).isNotEqualTo(first);
        assertThat(story.caseRecord(again).repeatOf()).isEqualTo(first);
        assertThat(next.items()).singleElement().satisfies(item -> {
            assertThat(item.item().caseId()).isEqualTo(again);
            assertThat(item.item().reasons()).containsExactly(Agendas.NEW, Agendas.REPEAT);
            assertThat(item.caseRecord().repeatOf()).isEqualTo(first);
        });
    }

    @Test
    void aYouthSignalledAgainMoreThan12MonthsAfterClosingIsNoRepeat() {
        String first = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.on(CLOSED);
        story.close(first, "care in place");
        story.on(CLOSED.plusMonths(12).plusDays(1));

        String again = story.signal("politie", noor, "POL-1", SignalCategory.PROSTITUTION, Urgency.NORMAL);

        assertThat(story.caseRecord(again).repeatOf()).isNull();
    }

    @Test
    void theRecurrenceReportCountsClosedCasesRepeatsAndTheRateWithTheCareThatPrecededEachRepeat() {
        String noorsFirst = story.apply("ggz",
                signalEvent(noor, "GGZ-1"),
                trajectoryEvent(noor, "GGZ-T-1", "ambulante behandeling", FIRST_SIGNAL, CLOSED.minusDays(10),
                        TrajectoryEnding.Kind.EARLY, "cancelled"));
        String semsCase = story.signal("mee", sem, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        String fleursCase = story.signal("horizon", fleur, "HOR-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.on(CLOSED);
        story.close(noorsFirst, "care in place");
        story.close(semsCase, "moved out of the region");
        story.on(CLOSED.plusMonths(7));
        story.close(fleursCase, "treatment completed");
        story.on(CLOSED.plusMonths(8));
        String noorsRepeat = story.signal("politie", noor, "POL-1", SignalCategory.PROSTITUTION, Urgency.CRISIS);

        RecurrenceReport.Report report = story.recurrence.report(LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31));

        assertThat(report.closedCases()).isEqualTo(2);
        assertThat(report.repeats()).isOne();
        assertThat(report.repeatRate()).isEqualTo(0.5);
        assertThat(report.items()).singleElement().satisfies(repeat -> {
            assertThat(repeat.repeatCase().id()).isEqualTo(noorsRepeat);
            assertThat(repeat.closedCase().id()).isEqualTo(noorsFirst);
            assertThat(repeat.daysAfterClosing()).isEqualTo(244);
            assertThat(repeat.precedingTrajectories()).singleElement().satisfies(t -> {
                assertThat(t.partnerId()).isEqualTo("ggz");
                assertThat(t.value().ending().endedEarly()).isTrue();
            });
        });
        assertThat(story.recurrence.report(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .satisfies(next -> {
                    assertThat(next.closedCases()).isOne();
                    assertThat(next.repeats()).isZero();
                    assertThat(next.repeatRate()).isZero();
                });
    }

    @Test
    void aPeriodWithoutClosedCasesHasARateOfZero() {
        assertThat(story.recurrence.report(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)).repeatRate())
                .isZero();
    }

    private static nl.zorgtafel.api.partner.PartnerEvent signalEvent(YouthIdentity youth, String reference) {
        return new nl.zorgtafel.api.partner.PartnerEvent.SignalReported(youth, new nl.zorgtafel.api.model.Signal(
                reference, SignalCategory.LOVERBOY, Urgency.NORMAL, "seen with an older man", FIRST_SIGNAL));
    }

    private static nl.zorgtafel.api.partner.PartnerEvent trajectoryEvent(YouthIdentity youth, String reference,
                                                                        String kind, LocalDate start, LocalDate end,
                                                                        TrajectoryEnding.Kind ending, String reason) {
        return new nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported(youth,
                new nl.zorgtafel.api.model.CareTrajectory(reference, kind, start,
                        new TrajectoryEnding(end, ending, reason)));
    }

    private static YouthIdentity youth(String bsn, String given, String family) {
        return new YouthIdentity(TestBsns.bsn(bsn), given, family, LocalDate.of(2008, 5, 17));
    }
}
