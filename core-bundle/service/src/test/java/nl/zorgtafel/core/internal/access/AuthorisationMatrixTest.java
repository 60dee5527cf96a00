package nl.zorgtafel.core.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.testing.TestBsns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role × every main endpoint × own and other partner's case, through the real routing,
 * against the table in docs/privacy.md ("Who may call what"): allowed is a 2xx (or 404 where
 * the thing asked for does not exist), refused is 403, no credentials 401. A refusal never
 * says whether the case exists.
 */
public class AuthorisationMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiHarness api;
    private static String ownCase;
    private static String otherCase;
    private static String ownYouth;

    @BeforeAll
    static void twoCasesOfTwoPartners() throws Exception {
        api = new ApiHarness();
        ApiHarness.Answer ggz = api.post("/signals", api.asPartner("ggz"), signal("999990019", "Sanne", "ggz-s-1"));
        assertThat(ggz.status()).as(ggz.body()).isEqualTo(201);
        ownCase = JSON.readTree(ggz.body()).path("caseId").asText();
        ownYouth = JSON.readTree(ggz.body()).path("youthId").asText();
        ApiHarness.Answer mee = api.post("/signals", api.asPartner("mee"), signal("999990020", "Lotte", "mee-s-1"));
        otherCase = JSON.readTree(mee.body()).path("caseId").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    public static String signal(String bsn, String givenName, String reference) {
        return "{\"youth\":{\"bsn\":\"" + TestBsns.digits(bsn) + "\",\"givenName\":\"" + givenName
                + "\",\"familyName\":\"de Vries\",\"birthDate\":\"2009-03-14\"},\"category\":\"loverboy\","
                + "\"urgency\":\"normal\",\"summary\":\"Seen with older men near the station\","
                + "\"observedOn\":\"2026-05-04\",\"partnerReference\":\"" + reference + "\"}";
    }

    /** A caller of the matrix and how to be it. */
    private enum Role {
        COORDINATOR, GGZ_PERSON, GGZ_SYSTEM, MEE_PERSON, PRIVACY_OFFICER, OPERATOR, ANONYMOUS;

        Map<String, String> headers() {
            return switch (this) {
                case COORDINATOR -> api.asPerson("coord-" + System.nanoTime(), "coordinator");
                case GGZ_PERSON -> api.asPerson("ggzpro-" + System.nanoTime(), "partner-ggz");
                case GGZ_SYSTEM -> api.asPartner("ggz");
                case MEE_PERSON -> api.asPerson("meepro-" + System.nanoTime(), "partner-mee");
                case PRIVACY_OFFICER -> api.asPerson("po-" + System.nanoTime(), "privacy-officer");
                case OPERATOR -> api.asPerson("ops-" + System.nanoTime(), "operator");
                case ANONYMOUS -> Map.of();
            };
        }
    }

    /** Allowed (a 2xx), refused (403) or unauthenticated (401). */
    private enum Expect { OK, FORBIDDEN, UNAUTHORISED }

    private record Endpoint(String method, String path, String body) {
        String resolved() {
            return path.replace("{own}", ownCase).replace("{other}", otherCase).replace("{youth}", ownYouth);
        }
    }

    private static Map<Endpoint, Map<Role, Expect>> matrix() {
        Map<Endpoint, Map<Role, Expect>> matrix = new LinkedHashMap<>();
        // columns: COORDINATOR, GGZ_PERSON, GGZ_SYSTEM, MEE_PERSON, PRIVACY_OFFICER, OPERATOR
        row(matrix, "GET", "/cases/{own}", null, "OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/cases/{other}", null, "OK FORBIDDEN FORBIDDEN OK FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/cases/{own}/timeline", null, "OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/cases/{other}/timeline", null, "OK FORBIDDEN FORBIDDEN OK FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/cases/{own}/missed-signals", null, "OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/cases/{other}/missed-signals", null, "OK FORBIDDEN FORBIDDEN OK FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/cases/00000000-0000-0000-0000-000000000000", null,
                "NOTFOUND FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/cases", null, "OK OK OK OK FORBIDDEN FORBIDDEN");
        row(matrix, "POST", "/signals", signal("999990032", "Noor", "m-" + System.nanoTime()),
                "OK OK OK OK FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/partners", null, "FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK");
        row(matrix, "GET", "/partners/ggz/dead-letters", null,
                "FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK");
        row(matrix, "GET", "/partners/ggz/messages/no-such-message", null,
                "FORBIDDEN FORBIDDEN NOTFOUND FORBIDDEN FORBIDDEN NOTFOUND");
        row(matrix, "GET", "/partners/mee/messages/no-such-message", null,
                "FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN NOTFOUND");
        row(matrix, "GET", "/match-candidates", null, "OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/reports/recurrence", null, "OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/meetings", null, "OK OK OK OK FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/agreements", null, "OK OK OK OK FORBIDDEN FORBIDDEN");
        row(matrix, "GET", "/audit?caseId={own}", null, "FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN");
        row(matrix, "GET", "/audit/verify", null, "FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN");
        row(matrix, "GET", "/privacy/youths/{youth}/export", null,
                "FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN");
        return matrix;
    }

    private static void row(Map<Endpoint, Map<Role, Expect>> matrix, String method, String path, String body,
                            String expectations) {
        String[] cells = expectations.split(" ");
        Map<Role, Expect> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            row.put(Role.values()[i], cells[i].equals("NOTFOUND") ? null : Expect.valueOf(cells[i]));
        }
        row.put(Role.ANONYMOUS, Expect.UNAUTHORISED);
        matrix.put(new Endpoint(method, path, body), row);
    }

    @Test
    void everyRoleOnEveryEndpointIsAllowedOrRefusedAsThePrivacyPageSays() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<Endpoint, Map<Role, Expect>> row : matrix().entrySet()) {
            Endpoint endpoint = row.getKey();
            for (Map.Entry<Role, Expect> cell : row.getValue().entrySet()) {
                ApiHarness.Answer answer = api.call(endpoint.method(), endpoint.resolved(), cell.getKey().headers(),
                        endpoint.body() == null ? null : "application/json", endpoint.body());
                cells++;
                boolean right = cell.getValue() == null ? answer.status() == 404 : switch (cell.getValue()) {
                    case OK -> answer.status() >= 200 && answer.status() < 300;
                    case FORBIDDEN -> answer.status() == 403;
                    case UNAUTHORISED -> answer.status() == 401;
                };
                if (!right) {
                    wrong.add(cell.getKey() + " " + endpoint.method() + " " + endpoint.path() + ": expected "
                            + (cell.getValue() == null ? "404" : cell.getValue()) + ", got " + answer.status());
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRefusedCaseLooksTheSameWhetherItExistsOrNot() throws Exception {
        Map<String, String> mee = Role.MEE_PERSON.headers();
        ApiHarness.Answer existing = api.get("/cases/" + ownCase, mee);
        ApiHarness.Answer unknown = api.get("/cases/11111111-2222-3333-4444-555555555555", mee);
        assertThat(existing.status()).isEqualTo(unknown.status()).isEqualTo(403);
        JsonNode a = JSON.readTree(existing.body());
        JsonNode b = JSON.readTree(unknown.body());
        assertThat(a.path("detail")).isEqualTo(b.path("detail"));
        assertThat(a.path("title")).isEqualTo(b.path("title"));
    }
}
