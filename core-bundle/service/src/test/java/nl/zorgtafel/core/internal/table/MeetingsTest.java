package nl.zorgtafel.core.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.testing.TableStory;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The monthly table's meetings, as the coordinator prepares and runs them. */
class MeetingsTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final LocalDate MARCH_4 = LocalDate.of(2024, 3, 4);
    private static final LocalDate MARCH_TABLE = LocalDate.of(2024, 3, 13);
    private static final LocalDate APRIL_TABLE = LocalDate.of(2024, 4, 10);

    private final TableStory story = new TableStory(DATABASE, MARCH_4);
    private final YouthIdentity noor = youth("999990019", "Noor", "Testdal");
    private final YouthIdentity sem = youth("999990020", "Sem", "Voorbeeld");
    private final YouthIdentity fleur = youth("999990032", "Fleur", "Proefhuis");

    @Test
    void aNewMeetingProposesEveryOpenCaseTheTableHasNotDiscussedCrisesFirst() {
        String normal = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        String crisis = story.signal("politie", sem, "POL-1", SignalCategory.PROSTITUTION, Urgency.CRISIS);
        String closed = story.signal("mee", fleur, "MEE-1", SignalCategory.OTHER, Urgency.NORMAL);
        story.close(closed, "no concern after all");

        Meetings.MeetingView meeting = story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);

        assertThat(meeting.items()).extracting(i -> i.item().caseId()).containsExactly(crisis, normal);
        assertThat(meeting.items().get(0).item().reasons()).containsExactly(Agendas.NEW, Agendas.CRISIS);
        assertThat(meeting.items().get(1).item().reasons()).containsExactly(Agendas.NEW);
    }

    @Test
    void aCaseDiscussedAtTheLastMeetingIsNotProposedAgainWhenNothingHappened() {
        String discussed = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);
        story.on(MARCH_TABLE.plusDays(5));
        String opened = story.signal("mee", sem, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);

        Meetings.MeetingView april = story.meetings.create(APRIL_TABLE, TableStory.COORDINATOR);

        assertThat(april.items()).extracting(i -> i.item().caseId()).containsExactly(opened)
                .doesNotContain(discussed);
    }

    @Test
    void aCrisisSinceTheLastMeetingBringsADiscussedCaseBack() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);
        story.on(MARCH_TABLE.plusDays(9));
        story.signal("politie", noor, "POL-1", SignalCategory.PROSTITUTION, Urgency.CRISIS);

        Meetings.MeetingView april = story.meetings.create(APRIL_TABLE, TableStory.COORDINATOR);

        assertThat(april.items()).singleElement().satisfies(item -> {
            assertThat(item.item().caseId()).isEqualTo(caseId);
            assertThat(item.item().reasons()).containsExactly(Agendas.CRISIS);
        });
    }

    @Test
    void aCrisisTheLastMeetingAlreadyDiscussedDoesNotComeBackOnItsOwn() {
        story.signal("politie", noor, "POL-1", SignalCategory.PROSTITUTION, Urgency.CRISIS);
        story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);
        story.on(MARCH_TABLE.plusDays(9));

        assertThat(story.meetings.create(APRIL_TABLE, TableStory.COORDINATOR).items()).isEmpty();
    }

    @Test
    void anOverdueAgreementBringsItsCaseBack() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);
        story.agreements.make(caseId, "plan a home visit", "ggz", MARCH_TABLE.plusDays(14), null,
                TableStory.COORDINATOR);

        Meetings.MeetingView april = story.meetings.create(APRIL_TABLE, TableStory.COORDINATOR);

        assertThat(april.items()).singleElement().satisfies(item ->
                assertThat(item.item().reasons()).containsExactly(Agendas.OVERDUE_AGREEMENT));
    }

    @Test
    void anAgreementDoneInTimeDoesNotBringItsCaseBack() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);
        String agreement = story.agreements.make(caseId, "plan a home visit", "ggz", MARCH_TABLE.plusDays(14), null,
                TableStory.COORDINATOR).orElseThrow().agreement().id();
        story.agreements.change(agreement, new Agreements.Change(nl.zorgtafel.api.model.Agreement.Status.DONE, null),
                "system:ggz");

        assertThat(story.meetings.create(APRIL_TABLE, TableStory.COORDINATOR).items()).isEmpty();
    }

    @Test
    void theCoordinatorAddsAndRemovesItems() {
        String discussed = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);
        String proposed = story.signal("mee", sem, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        String april = story.meetings.create(APRIL_TABLE, TableStory.COORDINATOR).meeting().id();

        Meetings.Added added = story.meetings.add(april, discussed, TableStory.COORDINATOR).orElseThrow();
        boolean removed = story.meetings.remove(april, proposed, TableStory.COORDINATOR);

        assertThat(added.wasThere()).isFalse();
        assertThat(added.item().item().reasons()).containsExactly(Agendas.ADDED);
        assertThat(removed).isTrue();
        assertThat(story.meetings.read(april).orElseThrow().items()).extracting(i -> i.item().caseId())
                .containsExactly(discussed);
        assertThat(story.meetings.add(april, discussed, TableStory.COORDINATOR).orElseThrow().wasThere()).isTrue();
    }

    @Test
    void theTableRecordsMinutesPerCaseAndACaseWithMinutesStaysOnTheAgenda() {
        String noorsCase = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        String semsCase = story.signal("mee", sem, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        String meeting = story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR).meeting().id();

        story.meetings.recordMinutes(meeting, noorsCase, "GGZ plans a home visit; school is told.",
                TableStory.COORDINATOR);

        List<Meetings.ItemView> items = story.meetings.read(meeting).orElseThrow().items();
        assertThat(items).filteredOn(i -> i.item().caseId().equals(noorsCase)).singleElement()
                .satisfies(i -> assertThat(i.item().minutes()).isEqualTo("GGZ plans a home visit; school is told."));
        assertThat(items).filteredOn(i -> i.item().caseId().equals(semsCase)).singleElement()
                .satisfies(i -> assertThat(i.item().minutes()).isNull());
        assertThatThrownBy(() -> story.meetings.remove(meeting, noorsCase, TableStory.COORDINATOR))
                .isInstanceOf(Conflict.class);
        assertThat(story.meetings.recordMinutes(meeting, "no-such-case", "text", TableStory.COORDINATOR)).isEmpty();
    }

    @Test
    void involvedPartnersAreToldTheirCaseIsOnTheAgendaAndOthersAreNot() {
        story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        story.signal("mee", noor, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.signal("horizon", sem, "HOR-1", SignalCategory.RUNAWAY, Urgency.NORMAL);

        story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);

        assertThat(story.summariesTo("ggz", "AGENDA")).containsExactly(
                "On the agenda of the table of 2024-03-13 (new).");
        assertThat(story.summariesTo("mee", "AGENDA")).hasSize(1);
        assertThat(story.summariesTo("horizon", "AGENDA")).hasSize(1);
        assertThat(story.summariesTo("rvdk", "AGENDA")).isEmpty();
        assertThat(DATABASE.count("SELECT COUNT(DISTINCT case_id) FROM outbox WHERE kind = 'AGENDA'"
                + " AND partner_id IN ('ggz', 'mee')")).isOne();
    }

    @Test
    void theMeetingAndItsMinutesAreOnTheCaseTimeline() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        String meeting = story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR).meeting().id();
        story.meetings.recordMinutes(meeting, caseId, "School and GGZ meet next week.", TableStory.COORDINATOR);

        List<TimelineEntry> timeline = story.caseFile(caseId).timeline();

        assertThat(timeline).extracting(TimelineEntry::kind)
                .containsExactly(TimelineEntry.Kind.SIGNAL, TimelineEntry.Kind.MEETING);
        assertThat(timeline.get(1).date()).isEqualTo(MARCH_TABLE);
        assertThat(timeline.get(1).summary()).isEqualTo("School and GGZ meet next week.");
        assertThat(timeline.get(1).partner()).isNull();
        assertThat(story.caseFile(caseId).table().meetings()).singleElement()
                .satisfies(m -> assertThat(m.meeting().id()).isEqualTo(meeting));
    }

    @Test
    void aPartnerSeesOnlyTheItemsAboutItsOwnCases() {
        String noorsCase = story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL);
        story.signal("mee", sem, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        Meetings.MeetingView meeting = story.meetings.create(MARCH_TABLE, TableStory.COORDINATOR);

        Meetings.MeetingView ggzView = meeting.only(java.util.Set.of(noorsCase));

        assertThat(meeting.items()).hasSize(2);
        assertThat(ggzView.items()).extracting(i -> i.item().caseId()).containsExactly(noorsCase);
    }

    private static YouthIdentity youth(String bsn, String given, String family) {
        return new YouthIdentity(TestBsns.bsn(bsn), given, family, LocalDate.of(2008, 5, 17));
    }
}
