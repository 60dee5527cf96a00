package nl.zorgtafel.core.internal.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.testing.TableStory;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The crisis that cannot wait for the monthly table: from the signal to the measure granted. */
class CrisisPathTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final LocalDate CRISIS_DAY = LocalDate.of(2024, 5, 27);
    private static final Duration PATIENCE = Duration.ofMinutes(60);

    private final TableStory story = new TableStory(DATABASE, CRISIS_DAY);
    private final YouthIdentity noor = new YouthIdentity(TestBsns.bsn("999990019"), "Noor", "Testdal",
            LocalDate.of(2007, 5, 17));

    @Test
    void aCrisisSignalFromAnyPartnerIsQueuedForTheCrisisTeamAtOnce() {
        String caseId = crisisFrom("ggz");

        assertThat(story.notificationsTo("jbrr")).containsExactly("CRISIS_SIGNAL");
        assertThat(DATABASE.single("SELECT case_id FROM outbox WHERE partner_id = 'jbrr'")).isEqualTo(caseId);
        assertThat(path(caseId).notification().status()).isEqualTo("PENDING");
        assertThat(path(caseId).isAcknowledged()).isFalse();
    }

    @Test
    void aSignalEscalatedToCrisisStartsItsCrisisPathAndTheClockRuns() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.clock.advance(Duration.ofDays(2));

        story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.CRISIS);

        assertThat(story.notificationsTo("jbrr")).containsExactly("CRISIS_SIGNAL");
        assertThat(story.caseRecord(caseId).crisis()).isTrue();
        CrisisPath path = path(caseId);
        assertThat(path.signal().value().reference()).isEqualTo("GGZ-1");
        assertThat(path.crisis().reportedBy()).isEqualTo("ggz");
        assertThat(path.notification().status()).isEqualTo("PENDING");
        story.clock.advance(PATIENCE);
        assertThat(story.crisisWatch(PATIENCE, true).check()).isOne();
    }

    @Test
    void aCrisisSignalReportedAgainKeepsItsOneCrisisPath() {
        String caseId = crisisFrom("politie");
        story.clock.advance(Duration.ofMinutes(5));

        crisisFrom("politie");

        assertThat(story.notificationsTo("jbrr")).containsExactly("CRISIS_SIGNAL");
        assertThat(DATABASE.rowsIn("crisis")).isOne();
        assertThat(path(caseId).crisis().raisedAt()).isEqualTo(story.clock.instant().minus(Duration.ofMinutes(5)));
    }

    @Test
    void aNormalSignalDoesNotGoToTheCrisisTeam() {
        story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);

        assertThat(story.notificationsTo("jbrr")).isEmpty();
        assertThat(DATABASE.rowsIn("crisis")).isZero();
    }

    @Test
    void aCrisisTheTeamReportedItselfIsAcknowledgedByReportingIt() {
        String caseId = crisisFrom("jbrr");

        assertThat(story.notificationsTo("jbrr")).isEmpty();
        assertThat(path(caseId).isAcknowledged()).isTrue();
        assertThat(path(caseId).notification()).isNull();
        assertThat(story.crisisWatch(PATIENCE, true).check()).isZero();
    }

    @Test
    void anUnacknowledgedCrisisAlertsTheCoordinatorOnceTheConfiguredTimeRanOut() {
        String caseId = crisisFrom("politie");
        CrisisWatch watch = story.crisisWatch(PATIENCE, true);

        story.clock.advance(PATIENCE.minusMinutes(1));
        assertThat(watch.check()).isZero();
        story.clock.advance(Duration.ofMinutes(1));
        int alerted = watch.check();
        story.clock.advance(PATIENCE);
        int alertedAgain = watch.check();

        assertThat(alerted).isOne();
        assertThat(alertedAgain).isZero();
        assertThat(story.crises.alerts(true)).singleElement().satisfies(alert -> {
            assertThat(alert.alert().caseId()).isEqualTo(caseId);
            assertThat(alert.alert().kind()).isEqualTo(Crises.NOT_ACKNOWLEDGED);
            assertThat(alert.crisis()).hasValueSatisfying(crisis -> assertThat(crisis.reportedBy())
                    .isEqualTo("politie"));
        });
        assertThat(story.caseFile(caseId).crisis().alerts()).hasSize(1);
        assertThat(story.summariesTo("jbrr", "CRISIS_SIGNAL")).hasSize(2)
                .last().asString().startsWith("Crisis signal not acknowledged within 60 minutes");
    }

    @Test
    void withoutAConfiguredCrisisTeamTheAlertIsOnlyOnTheCase() {
        crisisFrom("politie");
        story.clock.advance(PATIENCE);

        story.crisisWatch(PATIENCE, false).check();

        assertThat(story.crises.alerts(true)).hasSize(1);
        assertThat(story.notificationsTo("jbrr")).containsExactly("CRISIS_SIGNAL");
    }

    @Test
    void anAcknowledgementInTimeRaisesNoAlert() {
        String caseId = crisisFrom("politie");
        story.clock.advance(Duration.ofMinutes(20));

        story.crises.acknowledge(caseId, "system:jbrr");
        story.clock.advance(PATIENCE);

        assertThat(story.crisisWatch(PATIENCE, true).check()).isZero();
        assertThat(story.crises.alerts(null)).isEmpty();
    }

    @Test
    void aLateAcknowledgementResolvesTheAlertAndInvolvesTheCrisisTeam() {
        String caseId = crisisFrom("politie");
        story.clock.advance(PATIENCE.plusMinutes(5));
        story.crisisWatch(PATIENCE, true).check();

        int acknowledged = story.crises.acknowledge(caseId, "kim@jbrr").orElseThrow();

        assertThat(acknowledged).isOne();
        assertThat(story.crises.alerts(true)).isEmpty();
        assertThat(story.crises.alerts(false)).singleElement()
                .satisfies(alert -> assertThat(alert.alert().resolvedBy()).isEqualTo("kim@jbrr"));
        assertThat(story.caseFile(caseId).partners()).containsExactly("jbrr", "politie");
    }

    @Test
    void aCaseWithoutACrisisHasNothingToAcknowledge() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);

        assertThatThrownBy(() -> story.crises.acknowledge(caseId, "system:jbrr")).isInstanceOf(Conflict.class);
    }

    @Test
    void theCaseShowsTheWholePathFromSignalToMeasureGranted() {
        String caseId = crisisFrom("politie");
        story.clock.advance(Duration.ofMinutes(12));
        story.crises.acknowledge(caseId, "kim@jbrr");
        story.crises.requestMeasure(caseId, "jbrr", MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION.code(), null,
                "asked the court through the board", "kim@jbrr");
        story.measure("rvdk", noor, "RT-1", MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION, CRISIS_DAY,
                CRISIS_DAY.plusWeeks(2));

        CrisisPath path = path(caseId);

        assertThat(path.signal().partnerId()).isEqualTo("politie");
        assertThat(path.notification().notificationId()).isNotNull();
        assertThat(path.crisis().acknowledgedBy()).isEqualTo("kim@jbrr");
        assertThat(path.acknowledgedAt()).isEqualTo(path.crisis().raisedAt().plus(Duration.ofMinutes(12)));
        assertThat(path.requested()).isEqualTo(new CrisisPath.Step(CRISIS_DAY, "jbrr",
                "spoedmachtiging-gesloten-jeugdhulp", "request"));
        assertThat(path.granted()).isEqualTo(new CrisisPath.Step(CRISIS_DAY, "rvdk",
                "spoedmachtiging-gesloten-jeugdhulp", "measure"));
        assertThat(path.alert()).isNull();
    }

    @Test
    void withoutARecordedRequestTheBoardsInvestigationStandsForTheMeasureRequested() {
        String caseId = crisisFrom("politie");
        story.apply("rvdk", new PartnerEvent.InvestigationStarted(noor,
                new nl.zorgtafel.api.model.Investigation("RT-1", CRISIS_DAY, "crisis")));

        assertThat(path(caseId).requested()).isEqualTo(new CrisisPath.Step(CRISIS_DAY, "rvdk", "investigation",
                "investigation"));
        assertThat(path(caseId).granted()).isNull();
    }

    @Test
    void aMeasureBeforeTheCrisisIsNotTheMeasureItGranted() {
        story.measure("rvdk", noor, "RT-0", MeasureKind.OTS, CRISIS_DAY.minusMonths(3), null);
        String caseId = crisisFrom("politie");

        assertThat(path(caseId).granted()).isNull();
    }

    private String crisisFrom(String partnerId) {
        return story.signal(partnerId, noor, partnerId.toUpperCase() + "-CRISIS", SignalCategory.PROSTITUTION,
                Urgency.CRISIS);
    }

    private CrisisPath path(String caseId) {
        List<CrisisPath> paths = CrisisPath.of(story.caseFile(caseId));
        assertThat(paths).hasSize(1);
        return paths.get(0);
    }
}
