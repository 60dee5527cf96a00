package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.access.AuthorisationMatrixTest;
import nl.zorgtafel.core.internal.privacy.BsnScrubber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzing of the API's request parsing, through the real servlet and core: damaged and
 * arbitrary bodies sent to every endpoint that takes one, drawn from a fixed seed (see
 * {@link FuzzedRequests}). Whatever comes in, the answer is never a 5xx, a refused request
 * writes nothing (every table's row count stays), and no answer repeats a BSN that was sent.
 * A failure names the request by its index and seed, the endpoint and the body's length, never
 * the body: it holds test BSNs and names.
 */
class RequestFuzzTest {

    private static final int DAMAGED_REQUEST_TRIES = 400;
    private static final int CONTENT_TYPE_TRIES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiHarness api;
    private static String caseId;
    private static String meetingId;
    private static Map<String, Map<String, String>> callers;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness(Map.of("rateLimitPerSecond", 0.0));
        callers = new LinkedHashMap<>();
        callers.put("coordinator", api.asPerson("sdejong", "coordinator"));
        callers.put("ggz", api.asPartner("ggz"));
        callers.put("privacy-officer", api.asPerson("privacy1", "privacy-officer"));
        caseId = JSON.readTree(api.post("/signals", callers.get("ggz"),
                AuthorisationMatrixTest.signal("999990019", "Sanne", "ggz-1")).body()).path("caseId").asText();
        meetingId = JSON.readTree(api.post("/meetings", callers.get("coordinator"), "{\"date\":\"2026-06-03\"}")
                .body()).path("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** An endpoint that takes a JSON body, who may call it, and a valid body to damage. */
    private record Endpoint(String method, String path, String caller, String validBody) {
    }

    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/signals", "ggz", AuthorisationMatrixTest.signal("999990032", "Noor", "fz")),
                new Endpoint("POST", "/meetings", "coordinator", "{\"date\":\"2026-07-01\"}"),
                new Endpoint("POST", "/meetings/" + meetingId + "/agenda-items", "coordinator",
                        "{\"caseId\":\"" + caseId + "\"}"),
                new Endpoint("PUT", "/meetings/" + meetingId + "/agenda-items/" + caseId + "/minutes", "coordinator",
                        "{\"text\":\"Discussed; JBRR takes the lead.\"}"),
                new Endpoint("POST", "/cases/" + caseId + "/agreements", "coordinator",
                        "{\"description\":\"Call the school\",\"ownerPartner\":\"ggz\",\"dueDate\":\"2026-07-01\"}"),
                new Endpoint("POST", "/cases/" + caseId + "/measure-requests", "ggz",
                        "{\"kind\":\"ots\",\"requestedOn\":\"2026-06-01\",\"note\":\"urgent\"}"),
                new Endpoint("POST", "/session", "none", "{\"username\":\"fenna\",\"password\":\"secret\"}"),
                new Endpoint("POST", "/privacy/youths/no-such-youth/erase", "privacy-officer",
                        "{\"legalBasis\":\"AVG 17\",\"reference\":\"Rb 1\"}"));
    }

    @TestFactory
    Stream<DynamicTest> whateverABodyHoldsTheAnswerIsNever5xxARefusalWritesNothingAndNoBsnComesBack() {
        List<Endpoint> endpoints = endpoints();
        return cases("damaged request", DAMAGED_REQUEST_TRIES, (name, random) -> {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String body = FuzzedRequests.damaged(endpoint.validBody(), random);
            String request = "%s: %s %s with a body of %d characters".formatted(name, endpoint.method(),
                    endpoint.path(), body.length());
            Map<String, Long> before = counts();

            ApiHarness.Answer answer = api.call(endpoint.method(), endpoint.path(),
                    callers.getOrDefault(endpoint.caller(), Map.of()), "application/json", body);

            assertThat(answer.status()).as(request).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(counts()).as("%s, refused, wrote nothing", request).isEqualTo(before);
                // the case and meeting ids are random: one whose first group is eight digits passing
                // the elfproef looks like a BSN in the answer's instance
                String answered = answer.body().replace(caseId, "{caseId}").replace(meetingId, "{meetingId}");
                assertThat(BsnScrubber.holdsBsn(answered)).as("%s, refused, repeats a BSN", request).isFalse();
                assertThat(answer.headers().get("content-type")).as("%s, refused", request)
                        .isEqualTo("application/problem+json");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aContentTypeOtherThanJsonIsRefusedAndWritesNothing() {
        return cases("content type", CONTENT_TYPE_TRIES, (name, random) -> {
            String type = FuzzedRequests.notJson(random);
            Map<String, Long> before = counts();

            ApiHarness.Answer answer = api.call("POST", "/signals", callers.get("ggz"), type,
                    AuthorisationMatrixTest.signal("999990020", "Lotte", "mt"));

            assertThat(answer.status()).as(name).isEqualTo(415);
            assertThat(counts()).as("%s wrote nothing", name).isEqualTo(before);
        });
    }

    /** One request of a fuzz property, told its name (index and seed) and its own generator. */
    private interface FuzzedRequest {
        void send(String name, RandomGenerator random) throws Throwable;
    }

    private static Stream<DynamicTest> cases(String kind, int tries, FuzzedRequest request) {
        return IntStream.range(0, FuzzedRequests.tries(tries)).mapToObj(index -> {
            String name = "%s #%d of seed %d".formatted(kind, index, FuzzedRequests.SEED);
            return dynamicTest(name, () -> request.send(name, FuzzedRequests.random(index)));
        });
    }

    private static Map<String, Long> counts() {
        return api.rowCounts();
    }
}
