package nl.zorgtafel.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The privacy promises over real HTTP in the booted distribution: every role × the main
 * endpoints × its own and another partner's case, allowed or refused as docs/privacy.md says;
 * the audit trail of it all, readable by the privacy officer only and verifiable; passwords
 * hashed at start, and one hashed by an earlier version hashed again at its login; Karaf
 * itself locked down; security headers; bodies over their limit and queries that do not
 * decode answered in problem details; and no BSN in clear in any file under {@code data/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PrivacyMatrixIT {

    private static final String GGZ_TOKEN = "itest-privacy-ggz-2b7e9c41-58d0-4f3a-9e61-7a0d3c5b1f28";
    private static final String MEE_TOKEN = "itest-privacy-mee-6c1d8e02-94b7-4a5f-b3c8-1e7f0a9d2c64";
    /** Test BSNs (99999xxxx, elfproef-valid). */
    private static final String OWN_BSN = "999990019";
    private static final String OTHER_BSN = "999990020";
    private static final Map<String, String> PEOPLE = Map.of(
            "coord", "itest-Coord-Pw1,coordinator",
            "ggzpro", "itest-Ggz-Pw2,partner-ggz",
            "meepro", "itest-Mee-Pw3,partner-mee",
            "privacy", "itest-Privacy-Pw4,privacy-officer",
            "ops", "itest-Ops-Pw5,operator");
    /** A person whose password an earlier version hashed (210,000 PBKDF2 iterations). */
    private static final String EARLIER = "earlier";
    private static final String EARLIER_PASSWORD = "itest-Earlier-Pw6";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(
                ZorgtafelContainer.distribution(),
                ZorgtafelContainer.partnerToken("ggz", GGZ_TOKEN),
                ZorgtafelContainer.partnerToken("mee", MEE_TOKEN)));
        PEOPLE.forEach((name, line) -> options.add(
                editConfigurationFilePut("etc/zorgtafel-users.properties", name, line)));
        options.add(editConfigurationFilePut("etc/zorgtafel-users.properties", EARLIER,
                "{CRYPT}" + earlierHash(EARLIER_PASSWORD) + "{CRYPT},operator"));
        return options.toArray(Option[]::new);
    }

    @Before
    public void waitUntilTheCoreServes() {
        await("GET /api/v1/health answers 200").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> call("GET", "/api/v1/health", Map.of(), null).statusCode() == 200);
        // the people's realm registers a moment after the core answers
        await("the realm zorgtafel answers").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> call("GET", "/api/v1/partners", person("ops"), null).statusCode() == 200);
    }

    @Test
    public void everyRoleOnTheMainEndpointsIsAllowedOrRefusedAsThePrivacyPageSays() throws Exception {
        String own = newCase(GGZ_TOKEN, OWN_BSN, "itest-pm-own");
        String other = newCase(MEE_TOKEN, OTHER_BSN, "itest-pm-other");
        String youth = JSON.readTree(call("GET", "/api/v1/cases/" + own, person("coord"), null).body())
                .path("youth").path("id").asText();
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        roles.put("coordinator", person("coord"));
        roles.put("ggz person", person("ggzpro"));
        roles.put("ggz system", Map.of("Authorization", "Bearer " + GGZ_TOKEN));
        roles.put("mee person", person("meepro"));
        roles.put("privacy officer", person("privacy"));
        roles.put("operator", person("ops"));
        roles.put("anonymous", Map.of());
        roles.put("wrong password", Map.of("Authorization", basic("intruder", "a-guess")));
        // columns in the order of the roles above
        Map<String, String> matrix = new LinkedHashMap<>();
        matrix.put("/api/v1/cases/" + own, "200 200 200 403 403 403 401 401");
        matrix.put("/api/v1/cases/" + other, "200 403 403 200 403 403 401 401");
        matrix.put("/api/v1/cases/" + own + "/timeline", "200 200 200 403 403 403 401 401");
        matrix.put("/api/v1/cases/" + other + "/timeline", "200 403 403 200 403 403 401 401");
        matrix.put("/api/v1/cases", "200 200 200 200 403 403 401 401");
        matrix.put("/api/v1/partners", "403 403 403 403 403 200 401 401");
        matrix.put("/api/v1/audit?caseId=" + own, "403 403 403 403 200 403 401 401");
        matrix.put("/api/v1/audit/verify", "403 403 403 403 200 403 401 401");
        matrix.put("/api/v1/privacy/youths/" + youth + "/export", "403 403 403 403 200 403 401 401");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> row : matrix.entrySet()) {
            String[] expected = row.getValue().split(" ");
            int column = 0;
            for (Map.Entry<String, Map<String, String>> role : roles.entrySet()) {
                int status = call("GET", row.getKey(), role.getValue(), null).statusCode();
                if (status != Integer.parseInt(expected[column])) {
                    wrong.add(role.getKey() + " GET " + row.getKey() + ": expected " + expected[column] + ", got "
                            + status);
                }
                column++;
            }
        }
        assertThat(wrong).isEmpty();

        JsonNode audit = JSON.readTree(call("GET", "/api/v1/audit?caseId=" + own, person("privacy"), null).body());
        assertThat(audit.path("items").size()).isGreaterThan(10);
        assertThat(audit.toString()).doesNotContain(OWN_BSN).doesNotContain("Sanne");
        List<String> outcomes = new ArrayList<>();
        audit.path("items").forEach(item -> outcomes.add(item.path("user").asText() + " " + item.path("outcome")
                .asText()));
        assertThat(outcomes).contains("meepro denied", "ggzpro success", "system:ggz success", "anonymous denied");
        JsonNode verify = JSON.readTree(call("GET", "/api/v1/audit/verify", person("privacy"), null).body());
        assertThat(verify.path("valid").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    public void passwordsAreHashedSaltedAtStartAndNoPlainTextRemains() throws IOException {
        Path users = Path.of(System.getProperty("karaf.etc"), "zorgtafel-users.properties");
        await("the realm hashed the passwords").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.readString(users).contains("itest-Coord-Pw1"));
        String content = Files.readString(users);
        for (String line : PEOPLE.values()) {
            assertThat(content).doesNotContain(line.split(",")[0]);
        }
        assertThat(content).contains("{CRYPT}pbkdf2-sha256$");
    }

    @Test
    public void aPasswordHashedByAnEarlierVersionIsHashedAgainAtTheNextLogin() throws IOException {
        Path users = Path.of(System.getProperty("karaf.etc"), "zorgtafel-users.properties");
        assertThat(earlierLine(users)).contains("pbkdf2-sha256$210000$");

        HttpResponse<String> basic = call("GET", "/api/v1/partners", Map.of("Authorization",
                basic(EARLIER, EARLIER_PASSWORD)), null);

        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(earlierLine(users)).contains("{CRYPT}pbkdf2-sha256$600000$").doesNotContain("$210000$")
                .endsWith("{CRYPT},operator");
        // a login the realm itself checks (the web UI's is never remembered): the new hash holds
        HttpResponse<String> session = call("POST", "/api/v1/session", Map.of("Content-Type", "application/json",
                "X-Requested-With", "itest"), "{\"username\":\"" + EARLIER + "\",\"password\":\""
                + EARLIER_PASSWORD + "\"}");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    }

    @Test
    public void karafItselfIsLockedDown() throws IOException {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        List<String> karafUsers = Files.readAllLines(etc.resolve("users.properties")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("_g_")).toList();
        assertThat(karafUsers).as("users in Karaf's own realm").isEmpty();
        assertThat(Files.readAllLines(etc.resolve("org.apache.karaf.shell.cfg"))).anyMatch(line ->
                line.replace(" ", "").equals("sshHost=127.0.0.1"));
        assertThat(Files.readAllLines(etc.resolve("org.apache.karaf.jaas.cfg"))).anyMatch(line ->
                line.replace(" ", "").equals("encryption.enabled=true"));
        assertThat(bundleContext.getBundles()).extracting(Bundle::getSymbolicName)
                .noneMatch(name -> name != null && name.toLowerCase(java.util.Locale.ROOT).contains("webconsole"));
    }

    @Test
    public void everyApiAnswerCarriesSecurityHeadersAndCrossOriginUseIsRefused() {
        HttpResponse<String> answer = call("GET", "/api/v1/cases", person("coord"), null);
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = call("OPTIONS", "/api/v1/cases", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /** Over real Jetty: a body over its endpoint's limit, declared or chunked, is a 413 in problem details. */
    @Test
    public void aBodyOverItsEndpointsLimitIsRefusedWithProblemDetails() throws IOException {
        Map<String, String> coordinator = new LinkedHashMap<>(person("coord"));
        coordinator.put("Content-Type", "application/json");
        byte[] body = ("{\"date\":\"2026-06-03\"" + " ".repeat(2048) + "}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = send("POST", "/api/v1/meetings", coordinator,
                HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> chunked = send("POST", "/api/v1/meetings", coordinator,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

        for (HttpResponse<String> answer : List.of(declared, chunked)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(answer.body()).path("detail").asText()).contains("1024 bytes");
        }
    }

    /** Over real Jetty: a query the container cannot decode is the API's 400, not the container's page. */
    @Test
    public void aQueryThatDoesNotDecodeIsAProblemNotTheContainersPage() throws IOException {
        HttpResponse<String> answer = call("GET", "/api/v1/cases?status=%E0%A4", person("coord"), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("location").asText()).isEqualTo("query");
    }

    @Test
    public void noFileUnderDataHoldsABsnOrANameInClear() throws IOException {
        newCase(GGZ_TOKEN, "999990032", "itest-pm-data");
        byte[] bsn = "999990032".getBytes(StandardCharsets.US_ASCII);
        byte[] name = "Sanne".getBytes(StandardCharsets.US_ASCII);
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("karaf.data")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException vanished) {
                    continue;
                }
                if (contains(content, bsn) || contains(content, name)) {
                    holding.add(file);
                }
            }
        }
        assertThat(holding).isEmpty();
    }

    private String newCase(String token, String bsn, String reference) throws IOException {
        String signal = "{\"youth\":{\"bsn\":\"" + bsn + "\",\"givenName\":\"Sanne\",\"familyName\":\"de Wit\","
                + "\"birthDate\":\"2009-03-14\"},\"category\":\"loverboy\",\"urgency\":\"normal\","
                + "\"summary\":\"Seen with older men\",\"observedOn\":\"2026-05-04\",\"partnerReference\":\""
                + reference + "\"}";
        HttpResponse<String> created = call("POST", "/api/v1/signals", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json"), signal);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("caseId").asText();
    }

    private static Map<String, String> person(String name) {
        return Map.of("Authorization", basic(name, PEOPLE.get(name).split(",")[0]));
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String method, String path, Map<String, String> headers, String body) {
        return send(method, path, headers, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers,
                                      HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + System.getProperty(ZorgtafelContainer.PORT_PROPERTY) + path)).timeout(Duration.ofSeconds(30)).method(method, body);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String earlierLine(Path users) throws IOException {
        return Files.readAllLines(users, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> line.startsWith(EARLIER + "=") || line.startsWith(EARLIER + " "))
                .findFirst().orElseThrow();
    }

    /** A password as an earlier version hashed it: PBKDF2-HMAC-SHA-256, 210,000 iterations. */
    private static String earlierHash(String password) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 210_000, 256);
        try {
            byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded();
            return "pbkdf2-sha256$210000$" + Base64.getEncoder().encodeToString(salt) + "$"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
