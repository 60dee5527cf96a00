package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.access.AuthorisationMatrixTest;
import nl.zorgtafel.core.internal.http.BodyLimits.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint's body limit, through the real servlet and core: one byte over it is a 413 in
 * problem details naming the limit, refused before the body is read when its length is
 * declared and at the first byte over when it is not (chunked), and nothing is written. One
 * byte less passes, and the longest valid body of each endpoint fits.
 */
class BodyLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** GGZ's own limit in its partner configuration, below the core's 10 MiB. */
    private static final long GGZ_LIMIT = 8 * BodyLimits.KIB;

    private static ApiHarness api;
    private static Map<String, String> ggz;
    private static Map<String, String> coordinator;
    private static Map<String, String> operator;
    private static Map<String, String> privacyOfficer;
    private static String caseId;
    private static String youthId;
    private static String meetingId;
    private static String agreementId;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness(Map.of("rateLimitPerSecond", 0.0));
        ggz = api.partnerWithLimit("ggz", GGZ_LIMIT);
        coordinator = api.asPerson("sdejong", "coordinator");
        operator = api.asPerson("ops1", "operator");
        privacyOfficer = api.asPerson("privacy1", "privacy-officer");
        JsonNode signal = JSON.readTree(api.post("/signals", ggz,
                AuthorisationMatrixTest.signal("999990044", "Lotte", "limits-1")).body());
        caseId = signal.path("caseId").asText();
        youthId = signal.path("youthId").asText();
        meetingId = JSON.readTree(api.post("/meetings", coordinator, "{\"date\":\"2026-06-03\"}").body())
                .path("id").asText();
        agreementId = JSON.readTree(api.post("/cases/" + caseId + "/agreements", coordinator,
                "{\"description\":\"Call the school\",\"ownerPartner\":\"ggz\",\"dueDate\":\"2026-07-01\"}").body())
                .path("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /**
     * A body with its length declared is refused unread; one sent chunked (a few KiB over) is
     * read no further than one byte over the limit.
     */
    @TestFactory
    Stream<DynamicTest> aBodyOneByteOverTheLimitIsRefusedBeforeItIsReadAndWritesNothing() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Stream.of(
                dynamicTest(name(endpoint) + ", declared", () -> assertRefusedUnwritten(endpoint, false)),
                dynamicTest(name(endpoint) + ", chunked", () -> assertRefusedUnwritten(endpoint, true))));
    }

    @TestFactory
    Stream<DynamicTest> aBodyOfExactlyTheLimitIsNotRefusedForItsSize() {
        return Arrays.stream(Endpoint.values()).map(endpoint -> dynamicTest(name(endpoint), () -> {
            ApiHarness.Answer declared = api.call(endpoint.method(), path(endpoint), caller(endpoint),
                    "application/json", body(limit(endpoint)));
            ApiHarness.Answer chunked = api.callChunked(endpoint.method(), path(endpoint), caller(endpoint),
                    "application/json", body(limit(endpoint)));

            assertThat(declared.status()).as(declared.body()).isNotEqualTo(413);
            assertThat(chunked.status()).as(chunked.body()).isNotEqualTo(413);
        }));
    }

    @Test
    void aPartnerWithoutItsOwnLimitMaySendTheCoresTenMebibytesAndNotOneByteMore() {
        Map<String, String> mee = api.asPartner("mee");
        String over = body(10 * BodyLimits.MIB + 1);
        Map<String, Long> before = api.rowCounts();

        ApiHarness.Answer declared = api.call("POST", "/partners/mee/messages", mee, "text/csv", over);
        ApiHarness.Answer chunked = api.callChunked("POST", "/partners/mee/messages", mee, "text/csv", over);

        assertTooLarge(declared, 10 * BodyLimits.MIB);
        assertTooLarge(chunked, 10 * BodyLimits.MIB);
        assertThat(api.rowCounts()).isEqualTo(before);
    }

    @Test
    void aPartnersOwnLimitAppliesToItAlone() {
        Map<String, String> mee = api.asPartner("mee");

        ApiHarness.Answer overGgz = api.call("POST", "/partners/ggz/messages", ggz, "text/csv",
                body(GGZ_LIMIT + 1));
        ApiHarness.Answer sameForMee = api.call("POST", "/partners/mee/messages", mee, "text/csv",
                "Client;Datum\n" + "x".repeat((int) GGZ_LIMIT) + "\n");

        assertTooLarge(overGgz, GGZ_LIMIT);
        assertThat(sameForMee.status()).as(sameForMee.body()).isEqualTo(202);
    }

    @Test
    void noConfigurationTakesAPartnerPastWhatTheInboxStores() {
        BodyLimits limits = new BodyLimits(partnerId -> 64 * BodyLimits.MIB);

        assertThat(limits.limit("POST", ApiServlet.Path.of("/partners/ggz/messages")))
                .isEqualTo(BodyLimits.INBOX_CAPACITY);
        assertThat(limits.limit("GET", ApiServlet.Path.of("/cases"))).isZero();
    }

    /** Each limit is sized for the endpoint's longest valid body, every character written as a JSON escape. */
    @Test
    void theLongestValidBodiesFitTheirLimits() throws Exception {
        String name = escaped(SignalRequest.MAX_NAME);
        String signal = "{\"youth\":{\"bsn\":\"999990056\",\"givenName\":\"" + name + "\",\"familyName\":\"" + name
                + "\",\"birthDate\":\"2010-01-31\"},\"category\":\"exploitation-suspected\",\"urgency\":\"normal\","
                + "\"summary\":\"" + escaped(SignalRequest.MAX_TEXT) + "\",\"observedOn\":\"2026-05-04\","
                + "\"partnerReference\":\"" + name + "\"}";
        JsonNode created = JSON.readTree(fits(Endpoint.SIGNAL, "/signals", ggz, signal, 201));
        String ownCase = created.path("caseId").asText();
        fits(Endpoint.AGENDA_ITEM, "/meetings/" + meetingId + "/agenda-items", coordinator,
                "{\"caseId\":\"" + ownCase + "\"}", 201);
        fits(Endpoint.MINUTES, "/meetings/" + meetingId + "/agenda-items/" + ownCase + "/minutes", coordinator,
                "{\"text\":\"" + escaped(MinutesRequest.MAX_MINUTES) + "\"}", 200);
        fits(Endpoint.AGREEMENT, "/cases/" + ownCase + "/agreements", coordinator, "{\"description\":\""
                + escaped(AgreementRequest.MAX_DESCRIPTION) + "\",\"ownerPartner\":\"ggz\",\"dueDate\":\"2026-07-01\","
                + "\"meetingId\":\"" + meetingId + "\"}", 201);
        fits(Endpoint.MEASURE_REQUEST, "/cases/" + ownCase + "/measure-requests", ggz, "{\"kind\":\"ots\","
                + "\"requestedOn\":\"2026-06-01\",\"note\":\"" + escaped(MeasureRequestBody.MAX_NOTE) + "\"}", 201);
        String reason = "{\"reason\":\"" + escaped(ReasonRequest.MAX_REASON) + "\"}";
        fits(Endpoint.CLOSE, "/cases/" + ownCase + "/close", coordinator, reason, 200);
        fits(Endpoint.REOPEN, "/cases/" + ownCase + "/reopen", coordinator, reason, 200);
        fits(Endpoint.ERASURE, "/privacy/youths/" + created.path("youthId").asText() + "/erase", privacyOfficer,
                "{\"legalBasis\":\"" + escaped(PrivacyApi.MAX_LEGAL_BASIS) + "\",\"reference\":\""
                        + escaped(PrivacyApi.MAX_REFERENCE) + "\"}", 200);
    }

    /** The table and the OpenAPI document agree: every body-taking operation has its limit, in bytes, in its 413. */
    @Test
    void theOpenApiDocumentStatesEveryEndpointsLimit() throws Exception {
        JsonNode paths;
        try (var document = BodyLimitsTest.class.getResourceAsStream("/openapi/openapi.json")) {
            paths = JSON.readTree(document).path("paths");
        }
        Map<String, String> described = new HashMap<>();
        List<String> takingABody = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String key = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " "
                    + path.getKey().substring(1).replaceAll("\\{[^}]+}", "*");
            described.put(key, operation.getValue().path("responses").path("413").path("description").asText(""));
            if (operation.getValue().has("requestBody")) {
                takingABody.add(key);
            }
        }));

        for (Endpoint endpoint : Endpoint.values()) {
            String key = endpoint.method() + " " + endpoint.path();
            assertThat(described).as(key).containsKey(key);
            assertThat(described.get(key)).as(key)
                    .contains(endpoint.bytes() == 0 ? "takes no body" : endpoint.bytes() + " bytes");
        }
        assertThat(takingABody).allSatisfy(key -> assertThat(Arrays.stream(Endpoint.values())
                .map(endpoint -> endpoint.method() + " " + endpoint.path())).as(key).contains(key));
    }

    private static void assertRefusedUnwritten(Endpoint endpoint, boolean chunked) {
        long limit = limit(endpoint);
        Map<String, Long> before = api.rowCounts();

        ApiHarness.Answer answer = chunked
                ? api.callChunked(endpoint.method(), path(endpoint), caller(endpoint), "application/json",
                        body(limit + 1 + 4 * BodyLimits.KIB))
                : api.call(endpoint.method(), path(endpoint), caller(endpoint), "application/json", body(limit + 1));

        assertTooLarge(answer, limit);
        assertThat(answer.bytesRead()).isLessThanOrEqualTo(chunked ? limit + 1 : 0);
        assertThat(api.rowCounts()).isEqualTo(before);
    }

    private static String fits(Endpoint endpoint, String path, Map<String, String> caller, String body, int status) {
        assertThat((long) body.length()).as(endpoint.name()).isLessThanOrEqualTo(endpoint.bytes());
        ApiHarness.Answer answer = api.call(endpoint.method(), path, caller, "application/json", body);
        assertThat(answer.status()).as(endpoint + ": " + answer.body()).isEqualTo(status);
        return answer.body();
    }

    private static void assertTooLarge(ApiHarness.Answer answer, long limit) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
        JsonNode problem = read(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://zorgtafel.nl/problems/payload-too-large");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains(limit == 0 ? "takes no body" : limit + " bytes");
    }

    private static long limit(Endpoint endpoint) {
        return endpoint == Endpoint.PARTNER_MESSAGE ? GGZ_LIMIT : endpoint.bytes();
    }

    /** The endpoint's path with ids that exist, where it has them. */
    private static String path(Endpoint endpoint) {
        String[] segments = endpoint.path().split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("*")) {
                segments[i] = switch (segments[i - 1]) {
                    case "partners" -> "ggz";
                    case "cases", "agenda-items" -> caseId;
                    case "meetings" -> meetingId;
                    case "agreements" -> agreementId;
                    case "youths" -> youthId;
                    default -> "no-such-id";
                };
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Someone who may call the endpoint, so that only the size stands in the way. */
    private static Map<String, String> caller(Endpoint endpoint) {
        return switch (endpoint) {
            case PARTNER_MESSAGE, SIGNAL, MEASURE_REQUEST -> ggz;
            case DEAD_LETTER_REPLAY -> operator;
            case ERASURE, RETENTION_RUN -> privacyOfficer;
            case SESSION -> Map.of();
            default -> coordinator;
        };
    }

    /** A JSON body of exactly {@code bytes} bytes: an empty object padded with spaces. */
    private static String body(long bytes) {
        return bytes < 2 ? " ".repeat((int) bytes) : "{" + " ".repeat((int) bytes - 2) + "}";
    }

    /** {@code length} characters, each written as a six-byte JSON escape. */
    private static String escaped(int length) {
        return "\\u00e9".repeat(length);
    }

    private static String name(Endpoint endpoint) {
        return endpoint.method() + " /" + endpoint.path();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
