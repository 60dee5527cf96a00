package nl.zorgtafel.core.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.store.MatchStore;
import nl.zorgtafel.core.internal.testing.TableStory;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Matching without a BSN, as the coordinator meets it: candidates proposed, confirmed or rejected. */
class MatchCandidatesTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final LocalDate MARCH_4 = LocalDate.of(2024, 3, 4);
    private static final LocalDate BORN = LocalDate.of(2007, 11, 2);

    private final TableStory story = new TableStory(DATABASE, MARCH_4);

    /** How the police knows her: no BSN (she has none), her name as she gave it. */
    private final YouthIdentity linaAtThePolice = new YouthIdentity(null, "Lina", "Zondernummer", BORN);
    /** How GGZ knows her: a curly diacritic, the family name first, only the birth year. */
    private final YouthIdentity linaAtGgz = new YouthIdentity(null, "Zondernümmer", "Lina", LocalDate.of(2007, 1, 1));

    @Test
    void aSignalWithoutBsnAboutAKnownNameAndBirthDateIsProposedAsACandidate() {
        String policeCase = story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);

        String ggzCase = story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);

        assertThat(ggzCase).isNotEqualTo(policeCase);
        MatchCandidates.View candidate = onlyOpenCandidate();
        assertThat(candidate.youth().latestCase().id()).isEqualTo(ggzCase);
        assertThat(candidate.other().latestCase().id()).isEqualTo(policeCase);
        assertThat(candidate.candidate().reasons()).containsExactly("names-swapped", "birth-year");
        assertThat(candidate.candidate().score()).isGreaterThanOrEqualTo(MatchScorer.THRESHOLD);
    }

    @Test
    void aYouthWithoutBsnStaysItsOwnYouthUntilTheCoordinatorConfirms() {
        story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);

        assertThat(DATABASE.rowsIn("youth")).isEqualTo(2);
        assertThat(DATABASE.count("SELECT COUNT(*) FROM care_case WHERE status = 'open'")).isEqualTo(2);
        assertThat(DATABASE.rowsIn("youth_merge")).isZero();
    }

    @Test
    void unrelatedYouthsAreNotProposed() {
        story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);

        story.signal("ggz", new YouthIdentity(null, "Lina", "Zondernummer", BORN.plusYears(1)), "GGZ-1",
                SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.signal("mee", new YouthIdentity(null, "Noor", "Testdal", BORN), "MEE-1", SignalCategory.OTHER,
                Urgency.NORMAL);

        assertThat(story.candidates.list(MatchStore.Status.OPEN)).isEmpty();
    }

    @Test
    void confirmingACandidateMergesTheCasesKeepingEveryEntryAndAuditsTheMerge() {
        String policeCase = story.apply("politie", new PartnerEvent.SignalReported(linaAtThePolice,
                        new Signal("POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL, "ran away again", MARCH_4)),
                new PartnerEvent.TrajectoryReported(linaAtThePolice,
                        new CareTrajectory("POL-T-1", "begeleiding", MARCH_4, null)));
        story.on(MARCH_4.plusDays(3));
        String ggzCase = story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.CRISIS);
        MatchCandidates.View candidate = onlyOpenCandidate();

        YouthMerger.Outcome merged = story.candidates.confirm(candidate.candidate().id(), TableStory.COORDINATOR)
                .orElseThrow();

        assertThat(merged.survivingCaseId()).isEqualTo(policeCase);
        assertThat(merged.mergedCaseIds()).containsExactly(ggzCase);
        CaseFile file = story.caseFile(policeCase);
        assertThat(file.signals()).extracting(s -> s.value().reference()).containsExactly("POL-1", "GGZ-1");
        assertThat(file.trajectories()).hasSize(1);
        assertThat(file.partners()).containsExactly("ggz", "politie");
        assertThat(file.caseRecord().crisis()).isTrue();
        assertThat(story.caseRecord(ggzCase).status()).isEqualTo("merged");
        assertThat(story.caseFile(ggzCase).life().caseLife().mergedInto()).isEqualTo(policeCase);
        assertThat(DATABASE.single("SELECT merged_by FROM youth_merge")).isEqualTo(TableStory.COORDINATOR);
        assertThat(DATABASE.single("SELECT moved_entries FROM youth_merge")).isEqualTo(2);
        assertThat(story.cases.list(null, null)).hasSize(1);
    }

    @Test
    void partnersThatNowShareTheMergedCaseAreTold() {
        story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);

        story.candidates.confirm(onlyOpenCandidate().candidate().id(), TableStory.COORDINATOR);

        assertThat(story.notificationsTo("politie")).containsExactly("MATCH");
        assertThat(story.notificationsTo("ggz")).containsExactly("MATCH");
    }

    @Test
    void aRejectedPairIsNeverProposedAgain() {
        story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        String candidateId = onlyOpenCandidate().candidate().id();

        story.candidates.reject(candidateId, TableStory.COORDINATOR);
        // GGZ reports about her again under its own reference: the same youth, and the pair is not proposed again
        story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.CRISIS);
        String ggzYouth = story.candidates.read(candidateId).orElseThrow().youth().youth().id();
        java.util.List<MatchStore.Candidate> proposedAgain = story.transactions.run(store ->
                new CandidateProposer().propose(store, ggzYouth, new Person("Zondernümmer", "Lina",
                        LocalDate.of(2007, 1, 1)), false, story.clock.instant()));

        assertThat(proposedAgain).isEmpty();
        assertThat(story.candidates.list(MatchStore.Status.OPEN)).isEmpty();
        assertThat(story.candidates.read(candidateId).orElseThrow().candidate().status())
                .isEqualTo(MatchStore.Status.REJECTED);
        assertThat(DATABASE.rowsIn("match_candidate")).isOne();
    }

    @Test
    void aDecidedCandidateCannotBeDecidedAgain() {
        story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        String candidateId = onlyOpenCandidate().candidate().id();
        story.candidates.reject(candidateId, TableStory.COORDINATOR);

        assertThatThrownBy(() -> story.candidates.confirm(candidateId, TableStory.COORDINATOR))
                .isInstanceOf(Conflict.class);
        assertThat(DATABASE.rowsIn("youth_merge")).isZero();
    }

    @Test
    void aLaterBsnForACandidateMatchedYouthLinksIt() {
        story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        YouthIdentity linaWithBsn = new YouthIdentity(TestBsns.bsn("999990019"), "Lina", "Zondernummer", BORN);
        String rvdkCase = story.measure("rvdk", linaWithBsn, "RVDK-1", MeasureKind.OTS, MARCH_4, null);
        MatchCandidates.View candidate = onlyOpenCandidate();
        assertThat(candidate.youth().latestCase().id()).isEqualTo(rvdkCase);

        YouthMerger.Outcome merged = story.candidates.confirm(candidate.candidate().id(), TableStory.COORDINATOR)
                .orElseThrow();
        story.on(MARCH_4.plusDays(10));
        String horizonCase = story.trajectory("horizon", linaWithBsn, "HOR-1", "ambulant", MARCH_4.plusDays(10),
                null, null, null);

        assertThat(merged.bsnLinked()).isTrue();
        assertThat(horizonCase).isEqualTo(merged.survivingCaseId());
        assertThat(DATABASE.count("SELECT COUNT(*) FROM youth WHERE bsn_pseudonym IS NOT NULL")).isOne();
        assertThat(story.caseFile(horizonCase).partners()).containsExactly("horizon", "politie", "rvdk");
    }

    @Test
    void aPartnerGivingTheBsnUnderItsOwnEarlierReferenceLinksItToTheYouth() {
        String caseId = story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        YouthIdentity linaWithBsn = new YouthIdentity(TestBsns.bsn("999990019"), "Lina", "Zondernummer", BORN);
        story.signal("politie", linaWithBsn, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);

        String later = story.signal("mee", linaWithBsn, "MEE-1", SignalCategory.OTHER, Urgency.NORMAL);

        assertThat(later).isEqualTo(caseId);
        assertThat(DATABASE.rowsIn("youth")).isOne();
        assertThat(story.candidates.list(null)).isEmpty();
    }

    @Test
    void aMergeThatRevealsAnEarlierClosedCaseMakesTheOpenCaseARepeat() {
        String earlier = story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.on(MARCH_4.plusMonths(3));
        story.close(earlier, "care in place");
        story.on(MARCH_4.plusMonths(6));
        String later = story.signal("ggz", linaAtGgz, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);

        YouthMerger.Outcome merged = story.candidates.confirm(onlyOpenCandidate().candidate().id(),
                TableStory.COORDINATOR).orElseThrow();

        assertThat(merged.survivingCaseId()).isEqualTo(later);
        assertThat(story.caseRecord(later).repeatOf()).isEqualTo(earlier);
        assertThat(story.caseRecord(earlier).youthId()).isEqualTo(story.caseRecord(later).youthId());
    }

    @Test
    void otherOpenCandidatesOfTheMergedYouthNowConcernTheYouthItJoined() {
        story.signal("politie", linaAtThePolice, "POL-1", SignalCategory.RUNAWAY, Urgency.NORMAL);
        story.signal("mee", new YouthIdentity(null, "L.", "Zondernummer", BORN), "MEE-1", SignalCategory.OTHER,
                Urgency.NORMAL);
        story.signal("ggz", new YouthIdentity(null, "Lina", "Zondernummer", LocalDate.of(2007, 1, 1)), "GGZ-1",
                SignalCategory.LOVERBOY, Urgency.NORMAL);
        // ggz's youth resembles both the police's and MEE's; MEE's resembles the police's
        assertThat(story.candidates.list(MatchStore.Status.OPEN)).hasSize(3);
        MatchCandidates.View policeAndMee = story.candidates.list(MatchStore.Status.OPEN).stream()
                .filter(c -> c.youth().partners().contains("mee") && c.other().partners().contains("politie"))
                .findFirst().orElseThrow();

        story.candidates.confirm(policeAndMee.candidate().id(), TableStory.COORDINATOR);

        assertThat(story.candidates.list(MatchStore.Status.OPEN)).hasSize(1);
        assertThat(story.candidates.list(MatchStore.Status.SUPERSEDED)).hasSize(1);
    }

    private MatchCandidates.View onlyOpenCandidate() {
        assertThat(story.candidates.list(MatchStore.Status.OPEN)).hasSize(1);
        return story.candidates.list(MatchStore.Status.OPEN).get(0);
    }
}
