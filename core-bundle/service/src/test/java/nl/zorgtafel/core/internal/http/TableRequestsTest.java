package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.partner.Fault;
import org.junit.jupiter.api.Test;

/** The table's request bodies: read field by field, every fault named by its field and never by its value. */
class TableRequestsTest {

    @Test
    void anAgreementIsRead() {
        AgreementRequest request = AgreementRequest.parse(json("""
                {"description": "plan a home visit", "ownerPartner": "ggz", "dueDate": "2024-03-27"}"""));

        assertThat(request).isEqualTo(new AgreementRequest("plan a home visit", "ggz", LocalDate.of(2024, 3, 27),
                null));
    }

    @Test
    void anAgreementNamesEveryFaultAtOnce() {
        ApiException refused = refused(() -> AgreementRequest.parse(json("""
                {"description": "  ", "ownerPartner": "GGZ Rijnmond", "dueDate": "27-03-2024"}""")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(Fault::location)
                .containsExactly("description", "ownerPartner", "dueDate");
        assertThat(refused.errors()).extracting(Fault::problem).noneMatch(p -> p.contains("Rijnmond"));
    }

    @Test
    void aMeetingNeedsItsDate() {
        assertThat(MeetingRequest.parse(json("{\"date\": \"2024-03-13\"}")).date())
                .isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(refused(() -> MeetingRequest.parse(json("{}"))).errors()).extracting(Fault::location)
                .containsExactly("date");
    }

    @Test
    void anAgendaItemNeedsItsCase() {
        assertThat(refused(() -> AgendaItemRequest.parse(json("{\"caseId\": 17}"))).errors())
                .extracting(Fault::location).containsExactly("caseId");
    }

    @Test
    void minutesNeedText() {
        assertThat(MinutesRequest.parse(json("{\"text\": \"GGZ visits\"}")).text()).isEqualTo("GGZ visits");
        assertThat(refused(() -> MinutesRequest.parse(json("{\"text\": \"\"}"))).errors())
                .extracting(Fault::location).containsExactly("text");
    }

    @Test
    void closingNeedsAReasonAndReopeningMayGoWithout() {
        assertThat(refused(() -> ReasonRequest.parse(json("{}"), true)).errors()).extracting(Fault::location)
                .containsExactly("reason");
        assertThat(ReasonRequest.parse(null, false).reason()).isNull();
        assertThat(ReasonRequest.parse(json("{\"reason\": \"closed too soon\"}"), false).reason())
                .isEqualTo("closed too soon");
    }

    @Test
    void anAgreementChangeIsADoneOrOpenStatusOrADueDate() {
        assertThat(AgreementPatch.parse(json("{\"status\": \"done\"}")).status()).isEqualTo(Agreement.Status.DONE);
        assertThat(AgreementPatch.parse(json("{\"dueDate\": \"2024-04-10\"}")).dueDate())
                .isEqualTo(LocalDate.of(2024, 4, 10));
        assertThat(refused(() -> AgreementPatch.parse(json("{\"status\": \"overdue\"}"))).errors())
                .extracting(Fault::location).containsExactly("status");
        assertThat(refused(() -> AgreementPatch.parse(json("{}"))).errors()).extracting(Fault::location)
                .containsExactly("status");
    }

    @Test
    void aMeasureRequestNamesAMeasure() {
        MeasureRequestBody body = MeasureRequestBody.parse(json("""
                {"kind": "spoedmachtiging-gesloten-jeugdhulp", "requestedOn": "2015-05-27"}"""));

        assertThat(body.kind()).isEqualTo(MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION);
        assertThat(refused(() -> MeasureRequestBody.parse(json("{\"kind\": \"geen-maatregel\"}"))).errors())
                .extracting(Fault::location).containsExactly("kind");
    }

    @Test
    void aSignalMayGiveOnlyTheYearOfBirthAsRegistrationsDo() {
        for (String year : new String[] {"2007", "2007-00-00"}) {
            SignalRequest request = SignalRequest.parse(json("""
                    {"youth": {"givenName": "Lina", "familyName": "Zondernummer", "birthDate": "%s"},
                     "category": "prostitution", "observedOn": "2024-03-04"}""".formatted(year)));

            assertThat(request.youth().birthDate()).isEqualTo(LocalDate.of(2007, 1, 1));
        }
    }

    @Test
    void aQueryDateThatIsNoDateNamesTheParameter() {
        assertThat(JsonFields.queryDate("2016-01-01", "from")).isEqualTo(LocalDate.of(2016, 1, 1));
        assertThat(JsonFields.queryDate(null, "from")).isNull();
        assertThat(refused(() -> JsonFields.queryDate("last year", "from")).errors()).extracting(Fault::location)
                .containsExactly("from");
    }

    private static ApiException refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(ApiException.class, call);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
