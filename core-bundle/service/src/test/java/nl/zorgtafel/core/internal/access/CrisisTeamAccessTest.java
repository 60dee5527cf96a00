package nl.zorgtafel.core.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.zorgtafel.core.internal.ApiHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crisis team is told of a crisis in a case it is not involved in yet: it may read that
 * case (need-to-know filtered) to act on it, and no other case of other partners.
 */
class CrisisTeamAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiHarness api;
    private static String crisisCase;
    private static String quietCase;

    @BeforeAll
    static void aCrisisCaseAndAQuietCaseOfOtherPartners() throws Exception {
        api = new ApiHarness();
        ApiHarness.Answer crisis = api.post("/signals", api.asPartner("ggz"),
                AuthorisationMatrixTest.signal("999990019", "Sanne", "ggz-crisis-1").replace("\"normal\"", "\"crisis\""));
        assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
        crisisCase = JSON.readTree(crisis.body()).path("caseId").asText();
        ApiHarness.Answer quiet = api.post("/signals", api.asPartner("mee"),
                AuthorisationMatrixTest.signal("999990020", "Lotte", "mee-quiet-1"));
        assertThat(quiet.status()).as(quiet.body()).isEqualTo(201);
        quietCase = JSON.readTree(quiet.body()).path("caseId").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void theCrisisTeamReadsTheCrisisCaseItWasToldOf() throws Exception {
        ApiHarness.Answer read = api.get("/cases/" + crisisCase, api.asPerson("crisis-" + System.nanoTime(),
                "partner-jbrr"));

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("partners").toString()).doesNotContain("jbrr");
        assertThat(read.body()).doesNotContain("999990019");
    }

    @Test
    void theCrisisTeamStillCannotReadOtherPartnersCasesWithoutACrisis() {
        ApiHarness.Answer read = api.get("/cases/" + quietCase, api.asPerson("crisis-" + System.nanoTime(),
                "partner-jbrr"));

        assertThat(read.status()).isEqualTo(403);
    }

    @Test
    void anotherPartnerDoesNotReadTheCrisisCase() {
        ApiHarness.Answer read = api.get("/cases/" + crisisCase, api.asPerson("mee-" + System.nanoTime(),
                "partner-mee"));

        assertThat(read.status()).isEqualTo(403);
    }

    @Test
    void theCrisisTeamsCaseListHoldsOnlyItsOwnCases() {
        ApiHarness.Answer list = api.get("/cases", api.asPerson("crisis-" + System.nanoTime(), "partner-jbrr"));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(crisisCase).doesNotContain(quietCase);
    }
}
