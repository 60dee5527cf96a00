package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.access.AuthorisationMatrixTest;
import nl.zorgtafel.core.internal.privacy.BsnScrubber;

/**
 * Property-based fuzzing of the API's request parsing, through the real servlet and core:
 * damaged and arbitrary bodies sent to every endpoint that takes one. Whatever comes in, the
 * answer is never a 5xx, a refused request writes nothing (every table's row count stays),
 * and no answer repeats a BSN that was sent.
 */
class RequestFuzzProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tables a request could write into (besides the audit trail, which records every request). */
    private static final List<String> TABLES = List.of("youth", "care_case", "case_partner", "case_signal",
            "meeting", "agenda_item", "agreement", "measure_request", "case_status_change", "erasure", "outbox",
            "match_candidate");
    private static ApiHarness api;
    private static String caseId;
    private static String meetingId;
    private static Map<String, Map<String, String>> callers;

    @BeforeContainer
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

    @AfterContainer
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

    @Provide
    Arbitrary<Object[]> damagedRequests() {
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints());
        return endpoint.flatMap(target -> damaged(target.validBody()).map(body -> new Object[] {target, body}));
    }

    private static Arbitrary<String> damaged(String valid) {
        Arbitrary<String> hostile = Arbitraries.of("\"999990019\"", "null", "[]", "{}", "\"\"", "1e99999",
                "\"2026-02-30\"", "\"" + "x".repeat(5_000) + "\"", "{\"a\":".repeat(100), "\\u0000", "true", "-1",
                "\"<script>\"", "\"../../etc/passwd\"", "\"; DROP TABLE youth; --\"");
        Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length());
        Arbitrary<String> inserted = Combinators.combine(at, Arbitraries.oneOf(hostile,
                Arbitraries.strings().ofMaxLength(40))).as((position, text) ->
                valid.substring(0, position) + text + valid.substring(position));
        Arbitrary<String> cut = at.map(position -> valid.substring(0, position));
        Arbitrary<String> replacedValue = hostile.map(text -> valid.replaceFirst(":\"[^\"]*\"", ":" + text));
        return Arbitraries.oneOf(inserted, cut, replacedValue, Arbitraries.strings().ofMaxLength(200));
    }

    @Property(tries = 400)
    void whateverABodyHoldsTheAnswerIsNever5xxARefusalWritesNothingAndNoBsnComesBack(
            @ForAll("damagedRequests") Object[] request) {
        Endpoint endpoint = (Endpoint) request[0];
        String body = (String) request[1];
        Map<String, Long> before = counts();

        ApiHarness.Answer answer = api.call(endpoint.method(), endpoint.path(),
                callers.getOrDefault(endpoint.caller(), Map.of()), "application/json", body);

        assertThat(answer.status()).as("%s %s with %s", endpoint.method(), endpoint.path(), body).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(counts()).as("a refused %s %s wrote nothing", endpoint.method(), endpoint.path())
                    .isEqualTo(before);
            assertThat(BsnScrubber.holdsBsn(answer.body())).as(answer.body()).isFalse();
            assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
        }
    }

    @Property(tries = 100)
    void aWrongMediaTypeOrAnOversizedBodyIsRefusedBeforeAnythingIsRead(@ForAll("contentTypes") String type) {
        Map<String, Long> before = counts();
        ApiHarness.Answer answer = api.call("POST", "/signals", callers.get("ggz"), type,
                AuthorisationMatrixTest.signal("999990020", "Lotte", "mt"));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(counts()).isEqualTo(before);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("text/plain", "application/xml", "multipart/form-data",
                "application/x-www-form-urlencoded", "application/jsonx", ""),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(text -> "text/" + text));
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, api.rows(table));
        }
        return counts;
    }
}
