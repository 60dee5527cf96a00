package nl.zorgtafel.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import nl.zorgtafel.itests.ZorgtafelApi.Person;
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
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;

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

    private static final String GGZ_BUNDLE = "nl.zorgtafel.partner.ggz";
    private static final String CORE_BUNDLE = "nl.zorgtafel.core";

    /** The bearer token of the GGZ test system; the container knows only its SHA-256. */
    private static final String GGZ_TOKEN = "itest-ggz-7c4e1f0a-9b2d-4e5f-8a61-3d0c2b9e7f14";
    private static final Person COORDINATOR = new Person("coordinator1", "itest-Coordinator-Pw1");
    private static final Person GGZ_PROFESSIONAL = new Person("ggzpro", "itest-Ggz-Pw2");
    private static final Person MEE_PROFESSIONAL = new Person("meepro", "itest-Mee-Pw3");
    private static final Person OPERATOR = new Person("operator1", "itest-Operator-Pw4");

    /**
     * Test BSNs (99999xxxx, passing the elfproef as Bsn.isValid checks it); the contract's example
     * bundle carries 999990019, and 999990018 fails the elfproef.
     */
    private static final String BSN_PENDING = "999990020";
    private static final String BSN_AFTER_UPDATE = "999990032";
    private static final String BSN_FAILING_ELFPROEF = "999990018";
    private static final String BSN_WHILE_CORE_AWAY = "999990044";
    private static final String BSN_DEPLOYED_NEXT = "999990056";

    private static final String FHIR_JSON = GgzBundles.MEDIA_TYPE;

    private final ZorgtafelApi api = new ZorgtafelApi();

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return options(
                ZorgtafelContainer.distribution(),
                ZorgtafelContainer.partnerToken("ggz", GGZ_TOKEN),
                ZorgtafelContainer.person(COORDINATOR, "coordinator"),
                ZorgtafelContainer.person(GGZ_PROFESSIONAL, "partner-ggz"),
                ZorgtafelContainer.person(MEE_PROFESSIONAL, "partner-mee"),
                ZorgtafelContainer.person(OPERATOR, "operator"));
    }

    @Before
    public void waitUntilTheCoreServes() {
        api.awaitHealth();
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

        HttpResponse<String> cases = get("/api/v1/cases", COORDINATOR);
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

        HttpResponse<String> ggzCases = get("/api/v1/cases", GGZ_PROFESSIONAL);
        assertThat(ggzCases.statusCode()).isEqualTo(200);
        assertThat(ids(json(ggzCases).path("items"))).contains(caseId);

        HttpResponse<String> meeCases = get("/api/v1/cases", MEE_PROFESSIONAL);
        assertThat(meeCases.statusCode()).isEqualTo(200);
        assertThat(ids(json(meeCases).path("items"))).doesNotContain(caseId);
        assertThat(get("/api/v1/cases/" + caseId + "/timeline", MEE_PROFESSIONAL)
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

    @Test
    public void whileTheCoreIsAwayPartnersAreToldToSendAgainNotThatTheApiIsUnknown() throws BundleException {
        Bundle core = bundle(CORE_BUNDLE);
        byte[] message = youthBundle("ggz-itest-while-core-away", BSN_WHILE_CORE_AWAY, "Flag").toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            core.stop();
            // the web container drops the API's servlet as the core stops; the UI's default servlet answers then
            HttpResponse<String> refused = await("the API is away")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> api.postMessage("ggz", GGZ_TOKEN, FHIR_JSON, message),
                            answer -> answer.headers().firstValue("Retry-After").isPresent());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(refused).path("status").asInt()).isEqualTo(503);
            assertThat(refused.body()).doesNotContain(BSN_WHILE_CORE_AWAY).doesNotContain("Exception");
        } finally {
            if (core.getState() != Bundle.ACTIVE) {
                core.start();
            }
        }
        api.awaitHealth();
        HttpResponse<String> accepted = api.postMessage("ggz", GGZ_TOKEN, FHIR_JSON, message);
        assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 202);
    }

    @Test
    public void aNewerAdapterDroppedIntoDeployServesAndRemovingItRollsBack() throws Exception {
        Bundle shipped = ggzBundle();
        Map<Long, String> before = otherBundles(shipped);
        Version next = new Version(shipped.getVersion().getMajor(), shipped.getVersion().getMinor(),
                shipped.getVersion().getMicro() + 1);
        Path dropped = Path.of(System.getProperty("karaf.home"), "deploy", "zorgtafel-partner-ggz-next.jar");
        try {
            // what an operator does: the new version's jar into deploy/, Karaf's file install does the rest
            copyWithVersion(shipped, next, dropped);
            awaitServingGgzVersion(next.toString());
            assertThat(processedGgz("ggz-itest-deploy-next", BSN_DEPLOYED_NEXT)).isEqualTo("PROCESSED");
        } finally {
            Files.deleteIfExists(dropped);
        }

        awaitServingGgzVersion(shipped.getVersion().toString());
        await("the dropped version is uninstalled")
                .atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(bundleContext.getBundles())
                        .filter(b -> GGZ_BUNDLE.equals(b.getSymbolicName())).count() == 1);
        assertThat(processedGgz("ggz-itest-deploy-rolled-back", BSN_DEPLOYED_NEXT)).isEqualTo("PROCESSED");
        assertThat(otherBundles(shipped)).isEqualTo(before);
        assertThat(shipped.getState()).isEqualTo(Bundle.ACTIVE);
    }

    /** The shipped adapter's jar with a higher Bundle-Version: a new release, as far as OSGi can tell. */
    private static void copyWithVersion(Bundle bundle, Version version, Path target) throws IOException {
        // written outside deploy/ first, then moved in whole: the file install must not pick up half a jar
        Path partial = Files.createTempFile(Path.of(System.getProperty("karaf.data")), "deploy-", ".jar");
        try (JarInputStream in = new JarInputStream(new URL(bundle.getLocation()).openStream())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version.toString());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitServingGgzVersion(String version) {
        await("GGZ served by version " + version)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.partnerState("ggz", OPERATOR).path("adapterVersion").asText().equals(version));
    }

    private String processedGgz(String bundleId, String bsn) {
        HttpResponse<String> accepted = postGgz(youthBundle(bundleId, bsn, "Flag"));
        assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 202);
        String messageId = json(accepted).path("messageId").asText();
        await("message " + bundleId + " processed")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !status(messageId).equals("PENDING"));
        return status(messageId);
    }

    @Test
    public void featureOperationsNeverTouchOtherBundlesAndTheUiStartsBeforeTheCore() throws IOException {
        List<String> features = Files.readAllLines(Path.of(System.getProperty("karaf.etc"),
                "org.apache.karaf.features.cfg")).stream().map(line -> line.replace(" ", "")).toList();
        assertThat(features).contains("autoRefresh=false", "updateSnapshots=none");

        int ui = bundle("nl.zorgtafel.ui").adapt(BundleStartLevel.class).getStartLevel();
        int core = bundle(CORE_BUNDLE).adapt(BundleStartLevel.class).getStartLevel();
        assertThat(ui).as("the UI answers 503 for the API while the core boots").isLessThan(core);
    }

    // --- the GGZ adapter bundle --------------------------------------------------------------

    private Bundle ggzBundle() {
        return bundle(GGZ_BUNDLE);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
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
        return GgzBundles.example();
    }

    /** The example reduced to its Patient and one other resource, for an invented youth. */
    private static ObjectNode youthBundle(String id, String bsn, String keep) {
        return GgzBundles.about(id, bsn, "Sanne", "Bakker", "2001-02-14", keep);
    }

    private static void setBsn(ObjectNode bundle, String bsn) {
        GgzBundles.setBsn(bundle, bsn);
    }

    private static ObjectNode flag(ObjectNode bundle) {
        return GgzBundles.resource(bundle, "Flag");
    }

    private static ObjectNode episode(ObjectNode bundle) {
        return GgzBundles.resource(bundle, "EpisodeOfCare");
    }

    // --- the API, as a client sees it ---------------------------------------------------------

    private HttpResponse<String> postGgz(ObjectNode bundle) {
        return post("/api/v1/partners/ggz/messages", bundle.toString(), FHIR_JSON,
                Map.of("Authorization", ZorgtafelApi.bearer(GGZ_TOKEN)));
    }

    private String status(String messageId) {
        return api.messageStatus("ggz", GGZ_TOKEN, messageId);
    }

    /** The case's timeline as "date kind" lines, in the order the API gives them. */
    private List<String> timeline(String caseId) {
        return api.timelineEntries(caseId, COORDINATOR).stream()
                .map(entry -> entry.path("date").asText() + " " + entry.path("kind").asText())
                .collect(Collectors.toList());
    }

    private static String onlyCaseId(JsonNode message) {
        return ZorgtafelApi.onlyCaseId(message);
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.path("id").asText())
                .collect(Collectors.toList());
    }

    /** A GET as a partner system: with the GGZ bearer token. */
    private HttpResponse<String> get(String path) {
        return api.get(path, ZorgtafelApi.bearer(GGZ_TOKEN));
    }

    /** A GET as a person: HTTP Basic. */
    private HttpResponse<String> get(String path, Person person) {
        return api.get(path, person.authorization());
    }

    private HttpResponse<String> post(String path, String body, String contentType, Map<String, String> headers) {
        return api.post(path, body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ZorgtafelApi.json(response);
    }
}
