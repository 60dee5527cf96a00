package nl.zorgtafel.core.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.core.internal.store.TableStore.AgreementRecord;
import nl.zorgtafel.core.internal.testing.TableStory;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Agreements (afspraken) as the table makes and follows them. */
class AgreementsTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final LocalDate MARCH_13 = LocalDate.of(2024, 3, 13);
    private static final LocalDate DUE = LocalDate.of(2024, 3, 27);

    private final TableStory story = new TableStory(DATABASE, MARCH_13);
    private final YouthIdentity noor = new YouthIdentity(TestBsns.bsn("999990019"), "Noor", "Testdal",
            LocalDate.of(2008, 5, 17));

    @Test
    void anAgreementIsOpenUntilItsOwnerMarksItDone() {
        AgreementRecord made = make("ggz", "plan a home visit");
        story.on(DUE.minusDays(1));

        AgreementRecord done = story.agreements.change(made.agreement().id(),
                new Agreements.Change(Agreement.Status.DONE, null), "system:ggz").orElseThrow();

        assertThat(made.agreement().status()).isEqualTo(Agreement.Status.OPEN);
        assertThat(done.agreement().status()).isEqualTo(Agreement.Status.DONE);
        assertThat(done.doneOn()).isEqualTo(DUE.minusDays(1));
        assertThat(story.agreements.list(Agreements.Filter.DONE, null)).hasSize(1);
        assertThat(story.agreements.list(Agreements.Filter.OPEN, null)).isEmpty();
    }

    @Test
    void anOpenAgreementPastItsDueDateIsOverdueAndStillOpen() {
        make("ggz", "plan a home visit");
        AgreementRecord later = story.agreements.make(caseId(), "find a school place", "mee", DUE.plusWeeks(4), null,
                TableStory.COORDINATOR).orElseThrow();

        story.on(DUE);
        assertThat(story.agreements.list(Agreements.Filter.OVERDUE, null)).isEmpty();
        story.on(DUE.plusDays(1));

        assertThat(story.agreements.list(Agreements.Filter.OVERDUE, null)).singleElement()
                .satisfies(a -> assertThat(a.agreement().ownerPartner()).isEqualTo("ggz"));
        assertThat(story.agreements.list(Agreements.Filter.OPEN, null)).hasSize(2);
        assertThat(story.agreements.isOverdue(later)).isFalse();
    }

    @Test
    void aPartnerListsTheAgreementsItOwns() {
        make("ggz", "plan a home visit");
        make("mee", "find a school place");

        assertThat(story.agreements.list(null, "mee")).singleElement()
                .satisfies(a -> assertThat(a.agreement().description()).isEqualTo("find a school place"));
    }

    @Test
    void theOwnerIsToldWhenAnAgreementIsMade() {
        AgreementRecord made = make("ggz", "plan a home visit");

        assertThat(story.summariesTo("ggz", "AGREEMENT")).containsExactly(
                "Agreement for you, due 2024-03-27: plan a home visit");
        assertThat(DATABASE.single("SELECT agreement_id FROM outbox WHERE kind = 'AGREEMENT'"))
                .isEqualTo(made.agreement().id());
    }

    @Test
    void theOwnerIsToldOnceWhenTheAgreementBecomesOverdue() {
        make("ggz", "plan a home visit");
        story.on(DUE);
        assertThat(story.agreements.notifyOverdue()).isZero();

        story.on(DUE.plusDays(1));
        int first = story.agreements.notifyOverdue();
        story.on(DUE.plusDays(2));
        int second = story.agreements.notifyOverdue();

        assertThat(first).isOne();
        assertThat(second).isZero();
        assertThat(story.summariesTo("ggz", "AGREEMENT")).containsExactly(
                "Agreement for you, due 2024-03-27: plan a home visit",
                "Agreement overdue, it was due 2024-03-27: plan a home visit");
    }

    @Test
    void aNewDueDateMakesALateAgreementTimelyAndItsOwnerIsToldAgainIfItSlipsAgain() {
        AgreementRecord made = make("ggz", "plan a home visit");
        story.on(DUE.plusDays(1));
        story.agreements.notifyOverdue();

        story.agreements.change(made.agreement().id(), new Agreements.Change(null, DUE.plusWeeks(2)),
                TableStory.COORDINATOR);
        assertThat(story.agreements.list(Agreements.Filter.OVERDUE, null)).isEmpty();
        story.on(DUE.plusWeeks(2).plusDays(1));

        assertThat(story.agreements.notifyOverdue()).isOne();
        assertThat(story.summariesTo("ggz", "AGREEMENT")).hasSize(3);
    }

    @Test
    void aDoneAgreementIsNeverOverdue() {
        AgreementRecord made = make("ggz", "plan a home visit");
        story.agreements.change(made.agreement().id(), new Agreements.Change(Agreement.Status.DONE, null),
                "system:ggz");
        story.on(DUE.plusMonths(1));

        assertThat(story.agreements.notifyOverdue()).isZero();
        assertThat(story.agreements.list(Agreements.Filter.OVERDUE, null)).isEmpty();
    }

    @Test
    void theAgreementIsOnTheCaseAndItsTimeline() {
        AgreementRecord made = make("ggz", "plan a home visit");

        assertThat(story.caseFile(caseId()).table().agreements()).extracting(a -> a.agreement().id())
                .containsExactly(made.agreement().id());
        assertThat(story.caseFile(caseId()).timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.AGREEMENT)
                .singleElement().satisfies(entry -> {
                    assertThat(entry.date()).isEqualTo(MARCH_13);
                    assertThat(entry.partner()).isEqualTo("ggz");
                    assertThat(entry.summary()).isEqualTo("plan a home visit");
                    assertThat(entry.outcome()).isEqualTo("open");
                });
    }

    @Test
    void anAgreementOnAnUnknownCaseIsNotMade() {
        assertThat(story.agreements.make("no-such-case", "x", "ggz", DUE, null, TableStory.COORDINATOR)).isEmpty();
        assertThat(DATABASE.rowsIn("agreement")).isZero();
    }

    private AgreementRecord make(String owner, String description) {
        return story.agreements.make(caseId(), description, owner, DUE, null, TableStory.COORDINATOR).orElseThrow();
    }

    private String caseId() {
        return story.signal("ggz", noor, "GGZ-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL,
                LocalDate.of(2024, 3, 1));
    }
}
