package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.core.internal.store.MatchStore;
import nl.zorgtafel.core.internal.table.MissedSignals;
import nl.zorgtafel.core.internal.testing.TableStory;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The table's resources as the API shows them: the contract's fields, and never a BSN. */
class TableRepresentationsTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final String NOOR_BSN = TestBsns.digits("999990019");
    private static final LocalDate MAY_20 = LocalDate.of(2024, 5, 20);
    private static final LocalDate MAY_27 = LocalDate.of(2024, 5, 27);

    private final ObjectMapper json = Json.mapper();
    private final TableStory story = new TableStory(DATABASE, MAY_27);
    private final YouthIdentity noor = new YouthIdentity(TestBsns.bsn(NOOR_BSN), "Noor", "Testdal",
            LocalDate.of(2007, 5, 17));

    @Test
    void theCaseShowsItsAgreementsMeetingsAndCrisisPath() {
        String caseId = story.signal("politie", noor, "POL-1", SignalCategory.PROSTITUTION, Urgency.CRISIS);
        String meeting = story.meetings.create(MAY_27.plusDays(9), TableStory.COORDINATOR).meeting().id();
        story.agreements.make(caseId, "plan a home visit", "ggz", MAY_27.plusDays(2), meeting,
                TableStory.COORDINATOR);

        JsonNode file = json.valueToTree(Representations.caseFile(story.caseFile(caseId), MAY_27.plusDays(3)));

        assertThat(file.path("agreements").get(0).path("ownerPartner").asText()).isEqualTo("ggz");
        assertThat(file.path("agreements").get(0).path("status").asText()).isEqualTo("open");
        assertThat(file.path("agreements").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(file.path("meetings").get(0).path("id").asText()).isEqualTo(meeting);
        assertThat(file.path("meetings").get(0).path("reasons").toString()).isEqualTo("[\"new\",\"crisis\"]");
        assertThat(file.path("crisisPath").get(0).path("notification").path("partner").asText()).isEqualTo("jbrr");
        assertThat(file.path("crisisPath").get(0).path("acknowledged").asBoolean()).isFalse();
        assertThat(file.toString()).doesNotContain(NOOR_BSN);
    }

    @Test
    void missedSignalsNameEachSignalsPartnerAndDays() {
        String caseId = story.signal("school", noor, "SCH-1", SignalCategory.SCHOOL_DROPOUT, Urgency.NORMAL, MAY_20);
        story.measure("rvdk", noor, "RT-1", MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION, MAY_27, null);

        JsonNode missed = json.valueToTree(TableRepresentations.missedSignals(caseId,
                new MissedSignals().of(story.caseFile(caseId))));

        assertThat(missed.path("firstIntervention").path("date").asText()).isEqualTo("2024-05-27");
        assertThat(missed.path("firstIntervention").path("kind").asText()).isEqualTo("measure");
        assertThat(missed.path("signals").get(0).path("partner").asText()).isEqualTo("school");
        assertThat(missed.path("signals").get(0).path("daysBeforeIntervention").asInt()).isEqualTo(7);
    }

    @Test
    void aMatchCandidateShowsBothYouthsWithoutABsn() {
        story.signal("rvdk", noor, "RT-1", SignalCategory.OTHER, Urgency.NORMAL);
        story.signal("politie", new YouthIdentity(null, "Noor", "Testdal", LocalDate.of(2007, 1, 1)), "POL-1",
                SignalCategory.PROSTITUTION, Urgency.NORMAL);

        JsonNode candidate = json.valueToTree(TableRepresentations.candidate(
                story.candidates.list(MatchStore.Status.OPEN).get(0)));

        assertThat(candidate.path("status").asText()).isEqualTo("open");
        assertThat(candidate.path("reasons").toString()).isEqualTo("[\"name\",\"birth-year\"]");
        assertThat(candidate.path("youth").path("partners").toString()).isEqualTo("[\"politie\"]");
        assertThat(candidate.path("candidate").path("displayName").asText()).isEqualTo("Noor Testdal");
        assertThat(candidate.toString()).doesNotContain(NOOR_BSN);
    }

    @Test
    void theRecurrenceReportHasTheContractsFields() {
        String caseId = story.signal("ggz", noor, "GGZ-1", SignalCategory.LOVERBOY, Urgency.NORMAL);
        story.close(caseId, "care in place");
        story.on(MAY_27.plusMonths(2));
        story.signal("mee", noor, "MEE-1", SignalCategory.RUNAWAY, Urgency.NORMAL);

        JsonNode report = json.valueToTree(TableRepresentations.recurrence(story.recurrence.report(
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))));

        assertThat(report.path("closedCases").asInt()).isOne();
        assertThat(report.path("repeats").asInt()).isOne();
        assertThat(report.path("repeatRate").asDouble()).isEqualTo(1.0);
        assertThat(report.path("items").get(0).path("repeatOf").asText()).isEqualTo(caseId);
        assertThat(report.path("items").get(0).path("daysAfterClosing").asInt()).isEqualTo(61);
    }
}
