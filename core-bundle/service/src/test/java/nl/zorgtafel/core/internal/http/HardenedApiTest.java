package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.audit.AuditTrail;
import nl.zorgtafel.core.internal.store.AuditStore.Row;
import nl.zorgtafel.core.internal.testing.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security headers, closed CORS, rate limits and lock-out, through the real servlet. */
class HardenedApiTest {

    private ApiHarness api;
    private javax.security.auth.login.Configuration previousRealm;

    @BeforeEach
    void start() throws Exception {
        previousRealm = TestRealm.install();
        api = new ApiHarness(Map.of("rateLimitPerSecond", 1.0, "rateLimitBurst", 3.0));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        javax.security.auth.login.Configuration.setConfiguration(previousRealm);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoCorsHeader() {
        for (ApiHarness.Answer answer : List.of(api.get("/cases", api.asPerson("sdejong", "coordinator")),
                api.get("/cases", Map.of()), api.get("/health", Map.of()))) {
            assertThat(answer.headers()).containsEntry("x-frame-options", "DENY")
                    .containsEntry("referrer-policy", "no-referrer")
                    .containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("cache-control", "no-store")
                    .containsKey("content-security-policy")
                    .doesNotContainKey("access-control-allow-origin")
                    .doesNotContainKey("strict-transport-security");
            assertThat(answer.headers().get("content-security-policy")).contains("default-src 'none'")
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void aPreflightAndAForeignOriginAreRefused() {
        ApiHarness.Answer preflight = api.call("OPTIONS", "/cases", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null, null);
        Map<String, String> foreign = new HashMap<>(api.asPerson("sdejong", "coordinator"));
        foreign.put("Origin", "https://evil.example");
        foreign.put("Host", "zorgtafel.example");
        Map<String, String> own = new HashMap<>(api.asPerson("sdejong", "coordinator"));
        own.put("Origin", "https://zorgtafel.example");
        own.put("Host", "zorgtafel.example");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.headers()).doesNotContainKey("access-control-allow-origin");
        assertThat(api.get("/cases", foreign).status()).isEqualTo(403);
        assertThat(api.get("/cases", own).status()).isEqualTo(200);
    }

    @Test
    void aPartnerOverItsRateGets429WithProblemDetailsAndTheAttemptIsAudited() {
        Map<String, String> ggz = api.asPartner("ggz");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/cases", ggz).status()).isEqualTo(200);
        }

        ApiHarness.Answer limited = api.get("/cases", ggz);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers()).containsKey("retry-after");
        assertThat(limited.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(api.get("/cases", api.asPartner("mee")).status()).isEqualTo(200);
        List<Row> rows = api.core().audit().search(new AuditTrail.Query(null, null, "system:ggz", null, null, 10));
        assertThat(rows.get(0).httpStatus()).isEqualTo(429);
        assertThat(rows.get(0).outcome()).isEqualTo("denied");
    }

    @Test
    void repeatedFailedLoginsLockTheNameOutWithTheSameAnswerAndAreAudited() {
        String body = "{\"username\":\"fenna\",\"password\":\"wrong\"}";
        List<Integer> statuses = new java.util.ArrayList<>();
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ApiHarness.Answer answer = api.call("POST", "/session", Map.of("X-Requested-With", "ui"),
                    "application/json", body);
            statuses.add(answer.status());
            bodies.add(answer.body());
        }

        assertThat(statuses).containsOnly(401);
        assertThat(bodies.stream().distinct()).hasSize(1);
        assertThat(api.core().authenticator().throttle().locked("fenna", "10.9.9.9")).isTrue();
        // locked: the right password gets the same answer now
        ApiHarness.Answer right = api.call("POST", "/session", Map.of("X-Requested-With", "ui"), "application/json",
                "{\"username\":\"fenna\",\"password\":\"" + TestRealm.PASSWORD + "\"}");
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.body()).isEqualTo(bodies.get(0));
        List<Row> rows = api.core().audit().search(new AuditTrail.Query(null, null, "fenna", null, null, 20));
        assertThat(rows).filteredOn(row -> row.resource().equals("lock-out")).hasSize(1);
        assertThat(rows).filteredOn(row -> row.action().equals("login")).hasSize(9);
        assertThat(rows).allSatisfy(row -> assertThat(row.outcome()).isEqualTo("denied"));
    }

    @Test
    void aRememberedBasicLoginIsLockedOutToo() {
        String right = "Basic " + java.util.Base64.getEncoder().encodeToString((TestRealm.NAME + ":"
                + TestRealm.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString((TestRealm.NAME + ":guess")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.get("/cases", Map.of("Authorization", right)).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/cases", Map.of("Authorization", wrong)).status()).isIn(401, 429);
        }

        assertThat(api.get("/cases", Map.of("Authorization", right)).status()).isEqualTo(401);
    }

    @Test
    void aServerFaultAnswersAGenericBody() {
        ApiHarness.Answer answer = api.call("POST", "/signals", api.asPartner("ggz"), "application/json",
                "{\"youth\":");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at nl.");
    }
}
