package nl.zorgtafel.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Boots the Zorgtafel distribution (the tar.gz that karaf-features/distribution builds) once and
 * uses it over HTTP as the contract (shared/contract/api.md) describes: a partner system posting
 * its messages with a bearer token, people reading cases with HTTP Basic. The only look inside is
 * through the {@link BundleContext}, to stop, start and update the GGZ adapter.
 *
 * <p>{@link #config()} runs in the Maven JVM; every test method runs inside the container, so what
 * both need (the HTTP port) travels as a system property.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ZorgtafelDistributionIT {

    private static final String PORT_PROPERTY = "zorgtafel.itest.httpPort";
    private static final String GGZ_BUNDLE = "nl.zorgtafel.partner.ggz";

    /** The bearer token of the GGZ test system; the container knows only its SHA-256. */
    private static final String GGZ_TOKEN = "itest-ggz-7c4e1f0a-9b2d-4e5f-8a61-3d0c2b9e7f14";
    private static final String COORDINATOR = "coordinator1";
    private static final String COORDINATOR_PASSWORD = "itest-Coordinator-Pw1";
    private static final String GGZ_PROFESSIONAL = "ggzpro";
    private static final String GGZ_PROFESSIONAL_PASSWORD = "itest-Ggz-Pw2";
    private static final String MEE_PROFESSIONAL = "meepro";
    private static final String MEE_PROFESSIONAL_PASSWORD = "itest-Mee-Pw3";

    /**
     * Test BSNs (99999xxxx, passing the elfproef as Bsn.isValid checks it); the contract's example
     * bundle carries 999990019, and 999990018 fails the elfproef.
     */
    private static final String BSN_PENDING = "999990020";
    private static final String BSN_AFTER_UPDATE = "999990032";
    private static final String BSN_FAILING_ELFPROEF = "999990018";

    private static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        File distribution = new File(requiredProperty("zorgtafel.distribution"));
        if (!distribution.isFile()) {
            throw new IllegalStateException("No distribution at " + distribution
                    + "; build karaf-features/distribution first");
        }
        String localRepository = requiredProperty("zorgtafel.localRepository");
        String examRepository = new File(requiredProperty("zorgtafel.examRepository")).toURI().toString();
        String httpPort = Integer.toString(freePort());
        String karafVersion = requiredProperty("zorgtafel.karafVersion");
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution.toURI().toString())
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // what bin/karaf passes on Java 9+ and Pax Exam does not (paths relative to the Karaf folder)
                vmOptions(
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
                logLevel(LogLevel.WARN),
                // the container's warnings and errors also on its stdout, which Pax Exam passes to the
                // test output: the runtime folder (data/log) is deleted after the run
                systemProperty("karaf.log.console").value("WARN"),
                // on a busy 2-core machine Pax Exam's JUnit invoker can start later than its default
                // 10 s wait for it, and the run then hangs
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
                // The distribution resolves offline, from system/ only. Pax Exam's own bundles and the
                // test libraries come from two more read-only repositories; still no network.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.defaultRepositories",
                        "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
                                + examRepository + "@id=exam.repository"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                systemProperty(PORT_PROPERTY).value(httpPort),
                editConfigurationFilePut("etc/nl.zorgtafel.partner-ggz.cfg", "tokenSha256", sha256Hex(GGZ_TOKEN)),
                editConfigurationFilePut("etc/zorgtafel-users.properties",
                        COORDINATOR, COORDINATOR_PASSWORD + ",coordinator"),
                editConfigurationFilePut("etc/zorgtafel-users.properties",
                        GGZ_PROFESSIONAL, GGZ_PROFESSIONAL_PASSWORD + ",partner-ggz"),
                editConfigurationFilePut("etc/zorgtafel-users.properties",
                        MEE_PROFESSIONAL, MEE_PROFESSIONAL_PASSWORD + ",partner-mee"),
                mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
                mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
                mavenBundle("net.bytebuddy", "byte-buddy").versionAsInProject(),
                mavenBundle("org.assertj", "assertj-core").versionAsInProject());
    }

    @Before
    public void waitUntilTheCoreServes() {
        await("GET /api/v1/health answers 200")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> get("/api/v1/health").statusCode() == 200);
    }

    @Test
    public void healthIsUpWithApiVersionAndOpenApiIsServed() {
        HttpResponse<String> health = get("/api/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("API-Version")).hasValueSatisfying(v -> assertThat(v).startsWith("1."));
        assertThat(json(health).path("status").asText()).isEqualTo("UP");

        HttpResponse<String> openApi = get("/api/v1/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(json(openApi).path("openapi").asText()).startsWith("3.");
    }

    @Test
    public void ggzBundleBecomesACaseWhoseTimelineRunsOldestFirst() {
        HttpResponse<String> first = postGgz(exampleBundle());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode processed = json(first);
        assertThat(processed.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(processed.path("messageId").asText()).isNotEmpty();
        String caseId = onlyCaseId(processed);

        HttpResponse<String> cases = get("/api/v1/cases", COORDINATOR, COORDINATOR_PASSWORD);
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(ids(json(cases).path("items"))).contains(caseId);

        List<String> timeline = timeline(caseId);
        assertThat(timeline).containsExactly(
                "2014-09-01 trajectory-start",
                "2015-02-15 trajectory-end",
                "2015-05-11 signal");

        HttpResponse<String> again = postGgz(exampleBundle());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asText()).isEqualTo("PROCESSED");
        assertThat(json(again).path("messageId").asText()).isEqualTo(processed.path("messageId").asText());
        assertThat(onlyCaseId(json(again))).isEqualTo(caseId);
        assertThat(timeline(caseId)).isEqualTo(timeline);
    }

    @Test
    public void aProfessionalSeesOnlyTheCasesOfTheirOwnPartner() {
        String caseId = onlyCaseId(json(postGgz(exampleBundle())));

        HttpResponse<String> ggzCases = get("/api/v1/cases", GGZ_PROFESSIONAL, GGZ_PROFESSIONAL_PASSWORD);
        assertThat(ggzCases.statusCode()).isEqualTo(200);
        assertThat(ids(json(ggzCases).path("items"))).contains(caseId);

        HttpResponse<String> meeCases = get("/api/v1/cases", MEE_PROFESSIONAL, MEE_PROFESSIONAL_PASSWORD);
        assertThat(meeCases.statusCode()).isEqualTo(200);
        assertThat(ids(json(meeCases).path("items"))).doesNotContain(caseId);
        assertThat(get("/api/v1/cases/" + caseId + "/timeline", MEE_PROFESSIONAL, MEE_PROFESSIONAL_PASSWORD)
                .statusCode()).isIn(403, 404);
    }

    @Test
    public void partnerMessagesNeedThatPartnersToken() {
        String body = exampleBundle().toString();
        assertThat(post("/api/v1/partners/ggz/messages", body, FHIR_JSON, Map.of()).statusCode())
                .as("no token").isEqualTo(401);
        assertThat(post("/api/v1/partners/ggz/messages", body, FHIR_JSON,
                Map.of("Authorization", "Bearer not-the-ggz-token")).statusCode())
                .as("wrong token").isEqualTo(401);
        assertThat(post("/api/v1/partners/mee/messages", body, FHIR_JSON,
                Map.of("Authorization", "Bearer " + GGZ_TOKEN)).statusCode())
                .as("GGZ's token on MEE's path").isEqualTo(403);
    }

    @Test
    public void aBsnFailingTheElfproefIsA400ThatDoesNotRepeatIt() {
        ObjectNode bundle = exampleBundle();
        bundle.put("id", "ggz-itest-bad-bsn");
        setBsn(bundle, BSN_FAILING_ELFPROEF);

        HttpResponse<String> rejected = postGgz(bundle);

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(rejected.body()).doesNotContain(BSN_FAILING_ELFPROEF);
    }

    @Test
    public void messagesWaitWhileTheAdapterIsStoppedAndApplyInArrivalOrderWhenItReturns() throws BundleException {
        Bundle ggz = ggzBundle();
        ObjectNode trajectory = youthBundle("ggz-itest-pending-1", BSN_PENDING, "EpisodeOfCare");
        ObjectNode signal = youthBundle("ggz-itest-pending-2", BSN_PENDING, "Flag");
        episode(trajectory).put("status", "active").withObjectProperty("period").put("start", "2016-03-01").remove("end");
        flag(signal).withObjectProperty("period").put("start", "2016-06-10");
        flag(signal).remove("category");

        String first;
        String second;
        ggz.stop();
        try {
            HttpResponse<String> firstAnswer = postGgz(trajectory);
            HttpResponse<String> secondAnswer = postGgz(signal);
            assertThat(firstAnswer.statusCode()).as(firstAnswer.body()).isEqualTo(202);
            assertThat(secondAnswer.statusCode()).as(secondAnswer.body()).isEqualTo(202);
            assertThat(json(firstAnswer).path("status").asText()).isEqualTo("PENDING");
            assertThat(json(secondAnswer).path("status").asText()).isEqualTo("PENDING");
            first = json(firstAnswer).path("messageId").asText();
            second = json(secondAnswer).path("messageId").asText();
            assertThat(status(first)).isEqualTo("PENDING");
        } finally {
            ggz.start();
        }

        List<String> observed = new ArrayList<>();
        await("both pending messages PROCESSED")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String pair = status(first) + "," + status(second);
                    observed.add(pair);
                    return pair.equals("PROCESSED,PROCESSED");
                });
        assertThat(observed).as("the second is never applied before the first")
                .noneMatch(pair -> pair.startsWith("PENDING,PROCESSED"));

        JsonNode firstMessage = json(get("/api/v1/partners/ggz/messages/" + first));
        JsonNode secondMessage = json(get("/api/v1/partners/ggz/messages/" + second));
        String caseId = onlyCaseId(firstMessage);
        assertThat(onlyCaseId(secondMessage)).isEqualTo(caseId);
        assertThat(timeline(caseId)).containsExactly("2016-03-01 trajectory-start", "2016-06-10 signal");
    }

    @Test
    public void stoppingStartingAndUpdatingTheAdapterTouchesNoOtherBundle() throws BundleException {
        Bundle ggz = ggzBundle();
        Map<Long, String> before = otherBundles(ggz);
        List<String> otherBundleEvents = new CopyOnWriteArrayList<>();
        // synchronous: called in the thread that changes the bundle, a refresh thread included
        SynchronousBundleListener bundles = event -> {
            if (event.getBundle().getBundleId() != ggz.getBundleId()) {
                otherBundleEvents.add(event.getBundle().getSymbolicName() + " " + event.getType());
            }
        };
        bundleContext.addBundleListener(bundles);
        try {
            ggz.stop();
            ggz.start();
            ggz.update();
            HttpResponse<String> accepted = postGgz(youthBundle("ggz-itest-after-update", BSN_AFTER_UPDATE, "Flag"));
            assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 202);
            String messageId = json(accepted).path("messageId").asText();
            await("the updated adapter translates again")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> status(messageId).equals("PROCESSED"));
        } finally {
            bundleContext.removeBundleListener(bundles);
            if (ggz.getState() != Bundle.ACTIVE) {
                ggz.start();
            }
        }

        assertThat(otherBundleEvents).isEmpty();
        assertThat(otherBundles(ggz)).isEqualTo(before);
        assertThat(get("/api/v1/health").statusCode()).isEqualTo(200);
    }

    // --- the GGZ adapter bundle --------------------------------------------------------------

    private Bundle ggzBundle() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> GGZ_BUNDLE.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + GGZ_BUNDLE + " is not installed"));
    }

    /** Each other bundle's identity, state and last modification: what a refresh or restart changes. */
    private Map<Long, String> otherBundles(Bundle except) {
        Map<Long, String> states = new HashMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getBundleId() != except.getBundleId()) {
                states.put(bundle.getBundleId(),
                        bundle.getSymbolicName() + " state=" + bundle.getState() + " modified=" + bundle.getLastModified());
            }
        }
        return states;
    }

    // --- FHIR test messages ------------------------------------------------------------------

    /** The contract's example bundle (src/test/resources/ggz-bundle.json). */
    private static ObjectNode exampleBundle() {
        try (InputStream in = ZorgtafelDistributionIT.class.getResourceAsStream("/ggz-bundle.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example reduced to its Patient and one other resource, for an invented youth. */
    private static ObjectNode youthBundle(String id, String bsn, String keep) {
        ObjectNode bundle = exampleBundle();
        bundle.put("id", id);
        ArrayNode entries = bundle.withArrayProperty("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            String type = entries.get(i).path("resource").path("resourceType").asText();
            if (!type.equals("Patient") && !type.equals(keep)) {
                entries.remove(i);
            }
        }
        setBsn(bundle, bsn);
        ObjectNode patient = resource(bundle, "Patient");
        ObjectNode name = (ObjectNode) patient.withArrayProperty("name").get(0);
        name.put("family", "Bakker");
        name.putArray("given").add("Sanne");
        patient.put("birthDate", "2001-02-14");
        return bundle;
    }

    private static void setBsn(ObjectNode bundle, String bsn) {
        ObjectNode identifier = (ObjectNode) resource(bundle, "Patient").withArrayProperty("identifier").get(0);
        identifier.put("value", bsn);
    }

    private static ObjectNode flag(ObjectNode bundle) {
        return resource(bundle, "Flag");
    }

    private static ObjectNode episode(ObjectNode bundle) {
        return resource(bundle, "EpisodeOfCare");
    }

    private static ObjectNode resource(ObjectNode bundle, String type) {
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.path("resource").path("resourceType").asText().equals(type)) {
                return (ObjectNode) entry.path("resource");
            }
        }
        throw new IllegalArgumentException("no " + type + " in bundle " + bundle.path("id"));
    }

    // --- the API, as a client sees it ---------------------------------------------------------

    private HttpResponse<String> postGgz(ObjectNode bundle) {
        return post("/api/v1/partners/ggz/messages", bundle.toString(), FHIR_JSON,
                Map.of("Authorization", "Bearer " + GGZ_TOKEN));
    }

    private String status(String messageId) {
        HttpResponse<String> response = get("/api/v1/partners/ggz/messages/" + messageId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("status").asText();
    }

    /** The case's timeline as "date kind" lines, in the order the API gives them. */
    private List<String> timeline(String caseId) {
        HttpResponse<String> response = get("/api/v1/cases/" + caseId + "/timeline", COORDINATOR, COORDINATOR_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).path("entries").spliterator(), false)
                .map(entry -> entry.path("date").asText() + " " + entry.path("kind").asText())
                .collect(Collectors.toList());
    }

    private static String onlyCaseId(JsonNode message) {
        JsonNode caseIds = message.path("caseIds");
        assertThat(caseIds.isArray()).as("caseIds in " + message).isTrue();
        assertThat(caseIds).hasSize(1);
        return caseIds.get(0).asText();
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.path("id").asText())
                .collect(Collectors.toList());
    }

    /** A GET as a partner system: with the GGZ bearer token. */
    private HttpResponse<String> get(String path) {
        return send(request(path).header("Authorization", "Bearer " + GGZ_TOKEN).GET());
    }

    /** A GET as a person: HTTP Basic. */
    private HttpResponse<String> get(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Authorization", "Basic " + basic).GET());
    }

    private HttpResponse<String> post(String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Integer.getInteger(PORT_PROPERTY) + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    // --- driver side --------------------------------------------------------------------------

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " not set (run through Maven Failsafe)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
