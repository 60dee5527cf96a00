package nl.zorgtafel.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.access.AuthorisationMatrixTest;
import nl.zorgtafel.core.internal.store.AuditStore.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * N requests of every kind give N audit records, each with every field the kind calls for
 * set, none holding a BSN, a name or case content; and the chain over them verifies.
 */
class AuditCompletenessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 3;
    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void everyRequestOfEveryKindLeavesOneCompleteRecord() throws Exception {
        Map<String, String> ggz = api.asPartner("ggz");
        Map<String, String> coordinator = api.asPerson("sdejong", "coordinator");
        Map<String, String> mee = api.asPerson("pvisser", "partner-mee");
        Map<String, String> officer = api.asPerson("privacy1", "privacy-officer");
        Map<String, String> operator = api.asPerson("ops1", "operator");
        List<String> cases = new ArrayList<>();
        int requests = 0;
        String[] bsns = {"999990019", "999990020", "999990032"};
        for (int i = 0; i < N; i++) {
            ApiHarness.Answer created = api.post("/signals", ggz,
                    AuthorisationMatrixTest.signal(bsns[i], "Sanne" + i, "ref-" + i));
            assertThat(created.status()).isEqualTo(201);
            cases.add(JSON.readTree(created.body()).path("caseId").asText());
            requests++;
        }
        for (int i = 0; i < N; i++) {
            String caseId = cases.get(i);
            List<ApiHarness.Answer> answers = List.of(
                    api.get("/cases", coordinator),
                    api.get("/cases/" + caseId, coordinator),
                    api.get("/cases/" + caseId + "/timeline", ggz),
                    api.get("/cases/" + caseId, mee),
                    api.get("/cases/" + caseId, Map.of("Authorization", "Basic bm9ib2R5Ondyb25n")),
                    api.get("/cases/" + caseId, Map.of("Authorization", "Bearer not-a-token")),
                    api.get("/partners", operator),
                    api.get("/audit?caseId=" + caseId, officer),
                    api.get("/privacy/youths/" + youthOf(caseId, coordinator) + "/export", officer));
            requests += answers.size() + 1;
        }

        List<Row> rows = api.core().audit().search(new AuditTrail.Query(null, null, null, null, null, 10_000));
        assertThat(rows).hasSize(requests);
        for (Row row : rows) {
            assertThat(row.eventId()).isNotBlank();
            assertThat(row.occurredAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(row.action()).isNotBlank();
            assertThat(row.resource()).isNotBlank();
            assertThat(row.outcome()).isIn("success", "denied", "invalid", "error");
            assertThat(row.httpStatus()).isBetween(200, 599);
            assertThat(row.userName()).isNotBlank();
            assertThat(row.purpose()).isNotBlank();
            assertThat(row.legalBasis()).isNotBlank();
            assertThat(row.channel()).isIn("api", "ui");
            assertThat(row.sourceAddress()).isEqualTo("127.0.0.1");
            assertThat(row.hash()).hasSize(64);
            if (row.outcome().equals("success") || row.outcome().equals("denied") && row.httpStatus() == 403) {
                assertThat(row.roles()).as("roles of %s", row.resource()).isNotBlank();
            }
            if (row.resource().startsWith("GET /cases/{id}") || row.resource().equals("POST /signals")) {
                assertThat(row.caseId()).as(row.resource()).isNotBlank();
                assertThat(row.youthId()).as(row.resource()).isNotBlank();
                assertThat(row.youthPseudonym()).as(row.resource()).hasSize(64);
            }
            String all = String.join("|", row.userName(), row.resource(), String.valueOf(row.objectId()),
                    String.valueOf(row.detail()), String.valueOf(row.caseId()));
            for (String bsn : bsns) {
                assertThat(all).doesNotContain(bsn);
            }
            assertThat(all).doesNotContain("Sanne").doesNotContain("older men");
        }
        assertThat(rows).extracting(Row::outcome).contains("success", "denied");
        assertThat(rows).filteredOn(row -> row.httpStatus() == 401).hasSize(2 * N);
        assertThat(rows).filteredOn(row -> row.httpStatus() == 401).extracting(Row::userName)
                .contains("nobody", "unrecognised credentials");
        assertThat(rows).extracting(Row::action).contains("create", "search", "read", "audit-read", "export");
        assertThat(api.core().audit().verify().valid()).isTrue();
    }

    @Test
    void theAuditTrailAnswersOnlyThePrivacyOfficerAndRecordsItsOwnReading() throws Exception {
        ApiHarness.Answer created = api.post("/signals", api.asPartner("ggz"),
                AuthorisationMatrixTest.signal("999990019", "Sanne", "ref-1"));
        String caseId = JSON.readTree(created.body()).path("caseId").asText();
        api.get("/cases/" + caseId, api.asPerson("sdejong", "coordinator"));

        ApiHarness.Answer refused = api.get("/audit?caseId=" + caseId, api.asPerson("sdejong", "coordinator"));
        ApiHarness.Answer read = api.get("/audit?caseId=" + caseId, api.asPerson("privacy1", "privacy-officer"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(200);
        JsonNode items = JSON.readTree(read.body()).path("items");
        // newest first: the refused audit read, the coordinator's read, the signal
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("action").asText()).isEqualTo("audit-read");
        assertThat(items.get(0).path("outcome").asText()).isEqualTo("denied");
        assertThat(items.get(1).path("action").asText()).isEqualTo("read");
        assertThat(items.get(2).path("action").asText()).isEqualTo("create");
        assertThat(read.body()).doesNotContain("999990019").doesNotContain("Sanne");
        List<Row> all = api.core().audit().search(new AuditTrail.Query(null, null, "privacy1", null, null, 10));
        assertThat(all).extracting(Row::action).containsExactly("audit-read");
    }

    private String youthOf(String caseId, Map<String, String> coordinator) throws Exception {
        return JSON.readTree(api.get("/cases/" + caseId, coordinator).body()).path("youth").path("id").asText();
    }
}
