package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.access.AuthorisationMatrixTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every 4xx and 5xx the API gives is RFC 9457 problem details ({@code type}, {@code title},
 * {@code status}, {@code detail}), never a stack trace; and valid input, however long, is never
 * answered with a 5xx.
 */
class ProblemDetailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiHarness api;
    private static Map<String, String> ggz;
    private static Map<String, String> coordinator;
    private static String caseId;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness(Map.of("rateLimitPerSecond", 1.0, "rateLimitBurst", 1000.0));
        ggz = api.asPartner("ggz");
        coordinator = api.asPerson("sdejong", "coordinator");
        caseId = JSON.readTree(api.post("/signals", ggz, AuthorisationMatrixTest.signal("999990068", "Iris",
                "problems-1")).body()).path("caseId").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** A request, and the status it should have. */
    private record Probe(String what, int status, Supplier<ApiHarness.Answer> request) {
    }

    @TestFactory
    Stream<DynamicTest> everyProbeIsProblemDetailsWithoutATrace() {
        Map<String, String> withoutCsrf = new HashMap<>(coordinator);
        withoutCsrf.remove("X-CSRF-Token");
        return Stream.of(
                new Probe("invalid body", 400, () -> api.post("/signals", ggz, "{\"youth\":")),
                new Probe("unknown filter", 400, () -> api.get("/cases?status=lost", coordinator)),
                new Probe("query that does not decode", 400, () -> api.get("/cases?status=%E0%A4%A", coordinator)),
                new Probe("bad escape in an audited filter", 400, () -> api.get("/audit?caseId=%ZZ", coordinator)),
                new Probe("an Idempotency-Key over 200 characters", 400, () -> api.call("POST",
                        "/partners/ggz/messages", withHeader(ggz, "Idempotency-Key", "k".repeat(201)),
                        "application/json", "{}")),
                new Probe("no credentials", 401, () -> api.get("/cases", Map.of())),
                new Probe("another partner's role", 403, () -> api.get("/partners", ggz)),
                new Probe("no CSRF token", 403, () -> api.post("/meetings", withoutCsrf, "{\"date\":\"2026-06-03\"}")),
                new Probe("unknown path", 404, () -> api.get("/no-such-thing", coordinator)),
                new Probe("unknown case", 404, () -> api.get("/cases/no-such-case", coordinator)),
                new Probe("wrong method", 405, () -> api.call("DELETE", "/signals", ggz, null, null)),
                new Probe("conflict", 409, () -> api.post("/cases/" + caseId + "/crisis-acknowledgement",
                        coordinator, null)),
                new Probe("too large", 413, () -> api.post("/session", Map.of(), "{" + " ".repeat(5000) + "}")),
                new Probe("not JSON", 415, () -> api.call("POST", "/signals", ggz, "text/plain", "hello")))
                .map(refusal -> dynamicTest(refusal.what(), () -> assertProblem(refusal.request().get(),
                        refusal.status())));
    }

    /** An id is whatever a caller typed into the path: one longer than any the store keeps is simply not there. */
    @TestFactory
    Stream<DynamicTest> anIdLongerThanTheStoreKeepsIsNotThereNeverAFault() {
        String id = "x".repeat(300);
        Map<String, String> operator = api.asPerson("ops1", "operator");
        Map<String, String> officer = api.asPerson("privacy1", "privacy-officer");
        return Stream.of(
                new Probe("a case", 404, () -> api.get("/cases/" + id, coordinator)),
                new Probe("a timeline", 404, () -> api.get("/cases/" + id + "/timeline", coordinator)),
                new Probe("missed signals", 404, () -> api.get("/cases/" + id + "/missed-signals", coordinator)),
                new Probe("closing", 404, () -> api.post("/cases/" + id + "/close", coordinator,
                        "{\"reason\":\"done\"}")),
                new Probe("an agreement on a case", 404, () -> api.post("/cases/" + id + "/agreements", coordinator,
                        "{\"description\":\"Call\",\"ownerPartner\":\"ggz\",\"dueDate\":\"2026-07-01\"}")),
                new Probe("a meeting", 404, () -> api.get("/meetings/" + id, coordinator)),
                new Probe("an agreement", 404, () -> api.get("/agreements/" + id, coordinator)),
                new Probe("a match candidate", 404, () -> api.get("/match-candidates/" + id, coordinator)),
                new Probe("a message's status", 404, () -> api.get("/partners/ggz/messages/" + id, ggz)),
                new Probe("dead letters", 200, () -> api.get("/partners/" + id + "/dead-letters", operator)),
                new Probe("an export", 404, () -> api.get("/privacy/youths/" + id + "/export", officer)))
                .map(request -> dynamicTest(request.what(), () -> {
                    ApiHarness.Answer answer = request.request().get();
                    assertThat(answer.status()).as(answer.body()).isEqualTo(request.status());
                    if (request.status() >= 400) {
                        assertProblem(answer, request.status());
                    }
                }));
    }

    /** Found in review: the container refuses a query it cannot decode with its own HTML page. */
    @Test
    void aQueryThatDoesNotDecodeIsABadRequestNamingTheQuery() throws Exception {
        ApiHarness.Answer answer = api.get("/cases?status=%ZZ", coordinator);

        assertProblem(answer, 400);
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("location").asText()).isEqualTo("query");
    }

    /** Found in review: reading a body that broke off failed out of the servlet, to the container's error page. */
    @Test
    void aBodyThatBreaksOffIsAnsweredWithProblemDetails() {
        ApiHarness.Answer answer = api.callBrokenOff("POST", "/signals", ggz, "application/json", "{\"youth\":{");

        assertProblem(answer, 400);
    }

    /**
     * Found in review: the notification of an agreement (and of a crisis signal) repeats its text
     * after a lead-in; at the longest text allowed it overflowed the outbox and the request got a 503.
     */
    @Test
    void theLongestAgreementAndCrisisSignalAreTakenAndTheirNotificationsCutToFit() {
        ApiHarness.Answer agreement = api.post("/cases/" + caseId + "/agreements", coordinator,
                "{\"description\":\"" + "d".repeat(AgreementRequest.MAX_DESCRIPTION) + "\",\"ownerPartner\":\"ggz\","
                        + "\"dueDate\":\"2026-07-01\"}");
        ApiHarness.Answer crisis = api.post("/signals", api.asPartner("mee"), "{\"youth\":{\"bsn\":\"999990081\","
                + "\"familyName\":\"Bakker\"},\"category\":\"prostitution\",\"urgency\":\"crisis\",\"summary\":\""
                + "s".repeat(SignalRequest.MAX_TEXT) + "\",\"observedOn\":\"2026-05-04\"}");

        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
        assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
        assertThat(api.outboxSummaries()).filteredOn(summary -> summary.endsWith("…"))
                .anySatisfy(summary -> assertThat(summary).startsWith("Agreement for you").hasSize(4000))
                .anySatisfy(summary -> assertThat(summary).startsWith("Crisis signal from mee").hasSize(4000));
    }

    /** Found in review: the API took a reference of 500 characters that the erasure record cannot keep (503). */
    @Test
    void anErasureTakesTheLongestLegalBasisAndReferenceItKeepsAndRefusesALongerOne() throws Exception {
        Map<String, String> officer = api.asPerson("privacy1", "privacy-officer");
        String youthId = JSON.readTree(api.post("/signals", ggz, AuthorisationMatrixTest.signal("999990093", "Fleur",
                "problems-erase")).body()).path("youthId").asText();
        String erase = "/privacy/youths/" + youthId + "/erase";

        ApiHarness.Answer tooLong = api.post(erase, officer, "{\"legalBasis\":\"AVG art. 17\",\"reference\":\""
                + "r".repeat(PrivacyApi.MAX_REFERENCE + 1) + "\"}");
        ApiHarness.Answer longest = api.post(erase, officer, "{\"legalBasis\":\""
                + "b".repeat(PrivacyApi.MAX_LEGAL_BASIS) + "\",\"reference\":\"" + "r".repeat(PrivacyApi.MAX_REFERENCE)
                + "\"}");

        assertProblem(tooLong, 400);
        assertThat(JSON.readTree(tooLong.body()).path("errors").get(0).path("location").asText())
                .isEqualTo("reference");
        assertThat(longest.status()).as(longest.body()).isEqualTo(200);
    }

    private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return more;
    }

    private static void assertProblem(ApiHarness.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
        assertThat(problem.path("type").asText()).startsWith("https://zorgtafel.nl/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at nl.");
    }
}
