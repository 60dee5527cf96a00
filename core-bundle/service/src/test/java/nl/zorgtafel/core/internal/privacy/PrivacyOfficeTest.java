package nl.zorgtafel.core.internal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.access.AuthorisationMatrixTest;
import nl.zorgtafel.core.internal.audit.AuditTrail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrivacyOfficeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private ApiHarness api;
    private Map<String, String> officer;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness();
        officer = api.asPerson("privacy1", "privacy-officer");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private JsonNode signal(String bsn, String name, String reference) throws Exception {
        return JSON.readTree(api.post("/signals", api.asPartner("ggz"),
                AuthorisationMatrixTest.signal(bsn, name, reference)).body());
    }

    @Test
    void theExportHoldsEverythingAboutTheYouthAndWhoLookedButNotTheBsn() throws Exception {
        JsonNode created = signal("999990019", "Sanne", "ggz-1");
        api.get("/cases/" + created.path("caseId").asText(), api.asPerson("sdejong", "coordinator"));

        ApiHarness.Answer export = api.get("/privacy/youths/" + created.path("youthId").asText() + "/export", officer);

        assertThat(export.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(export.body());
        assertThat(body.path("youth").path("givenName").asText()).isEqualTo("Sanne");
        assertThat(body.path("youth").path("bsnRecorded").asBoolean()).isTrue();
        assertThat(body.path("cases")).hasSize(1);
        assertThat(body.path("cases").get(0).path("signals").get(0).path("summary").asText())
                .isEqualTo("Seen with older men near the station");
        assertThat(body.path("accesses")).extracting(access -> access.path("user").asText())
                .contains("system:ggz", "sdejong");
        assertThat(export.body()).doesNotContain("999990019");
    }

    @Test
    void anErasureOnALegalOrderLeavesNoNameNoBsnAndNoContentButIsRecorded() throws Exception {
        JsonNode created = signal("999990019", "Sanne", "ggz-1");
        String youthId = created.path("youthId").asText();
        String caseId = created.path("caseId").asText();

        ApiHarness.Answer erased = api.post("/privacy/youths/" + youthId + "/erase", officer,
                "{\"legalBasis\":\"AVG art. 17(1)(d)\",\"reference\":\"Rb Rotterdam C/10/123456\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(JSON.readTree(erased.body()).path("entriesErased").asInt()).isEqualTo(1);
        JsonNode view = JSON.readTree(api.get("/cases/" + caseId, api.asPerson("sdejong", "coordinator")).body());
        assertThat(view.path("signals")).isEmpty();
        assertThat(view.toString()).doesNotContain("Sanne");
        assertThat(api.core().cases().list(null, null)).hasSize(1);
        JsonNode after = JSON.readTree(api.get("/privacy/youths/" + youthId + "/export", officer).body());
        assertThat(after.path("erasures").get(0).path("reference").asText()).isEqualTo("Rb Rotterdam C/10/123456");
        assertThat(api.core().audit().search(new AuditTrail.Query(null, youthId, null, null, null, 50)))
                .extracting(row -> row.action()).contains("erase");
        // a new signal with the same BSN is a new youth: the old pseudonym is gone
        assertThat(signal("999990019", "Sanne", "ggz-2").path("matched").asBoolean()).isFalse();
    }

    @Test
    void anErasureNeedsItsGroundsAndAnExistingYouth() {
        assertThat(api.post("/privacy/youths/x/erase", officer, "{}").status()).isEqualTo(400);
        assertThat(api.post("/privacy/youths/no-such-youth/erase", officer,
                "{\"legalBasis\":\"AVG 17\",\"reference\":\"r\"}").status()).isEqualTo(404);
    }

    @Test
    void retentionErasesCasesClosedLongerAgoThanThePeriodAndKeepsTheCount() throws Exception {
        JsonNode old = signal("999990019", "Sanne", "ggz-1");
        JsonNode recent = signal("999990020", "Lotte", "ggz-2");
        api.core().lifecycle().close(old.path("caseId").asText(), "care ended", "sdejong");
        api.core().lifecycle().close(recent.path("caseId").asText(), "care ended", "sdejong");
        // the old case closed three years ago
        api.core().audit();
        moveRetentionClock(old.path("caseId").asText(), java.time.LocalDate.now().minusYears(3));

        JsonNode run = JSON.readTree(api.post("/privacy/retention/run", officer, null).body());

        assertThat(run.path("casesErased").asInt()).isEqualTo(1);
        assertThat(run.path("youthsErased").asInt()).isEqualTo(1);
        assertThat(api.core().cases().read(old.path("caseId").asText()).orElseThrow().signals()).isEmpty();
        assertThat(api.core().cases().read(recent.path("caseId").asText()).orElseThrow().signals()).hasSize(1);
        assertThat(api.core().cases().list("closed", null)).hasSize(2);
        assertThat(api.core().audit().verify().valid()).isTrue();
    }

    @Test
    void noFileUnderDataHoldsABsnInClear() throws Exception {
        signal("999990019", "Sanne", "ggz-1");
        api.post("/partners/ggz/messages", api.asPartner("ggz"),
                "{\"resourceType\":\"Bundle\",\"bsn\":\"999990032\",\"name\":\"Fenna Jansen\"}");

        assertThat(api.dataFilesHolding("999990019")).isEmpty();
        assertThat(api.dataFilesHolding("999990032")).isEmpty();
        // the whole database is encrypted: names and free text are not readable on disk either
        assertThat(api.dataFilesHolding("Sanne")).isEmpty();
        assertThat(api.dataFilesHolding("older men near the station")).isEmpty();
    }

    private void moveRetentionClock(String caseId, java.time.LocalDate closedOn) {
        api.core().audit();
        nl.zorgtafel.core.internal.store.Transactions transactions =
                new nl.zorgtafel.core.internal.store.Transactions(dataSource());
        transactions.run(store -> {
            store.closeCase(caseId, closedOn, "care ended");
            return null;
        });
    }

    private javax.sql.DataSource dataSource() {
        org.apache.derby.jdbc.EmbeddedDataSource source = new org.apache.derby.jdbc.EmbeddedDataSource();
        source.setDatabaseName(api.dataFolder().resolve("zorgtafel").resolve("database").toAbsolutePath().toString());
        return source;
    }
}
