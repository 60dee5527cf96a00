package nl.zorgtafel.itests;

import static nl.zorgtafel.itests.ZorgtafelApi.json;
import static nl.zorgtafel.itests.ZorgtafelApi.onlyCaseId;
import static nl.zorgtafel.itests.ZorgtafelApi.processed;
import static nl.zorgtafel.itests.ZorgtafelApi.resource;
import static nl.zorgtafel.itests.ZorgtafelApi.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import nl.zorgtafel.itests.ZorgtafelApi.Person;
import org.apache.karaf.features.FeaturesService;
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
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Lisa's story, told to the real distribution by every partner in its own format and with
 * its own bearer token, as the contract's examples tell it (src/test/resources, copied from
 * shared/contract/partners/examples): GGZ (FHIR), MEE (CSV, over HTTP and through the file
 * drop), the crisis team JBRR (canonical JSON), Horizon (iJw JW305) and the RvdK
 * (Raadsbericht). Then what each partner gets for a faulty message, that no clear BSN stays
 * under {@code data/}, and that swapping one adapter (feature uninstall and install, bundle
 * update, stop and start) touches no other bundle and loses no message.
 *
 * <p>One container for the class. Each test can run alone and in any order: the story is told
 * again where a test needs it, and a partner message sent again has no second effect.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PartnersStoryIT {

    private static final String RVDK_FEATURE = "zorgtafel-partner-rvdk";
    private static final String RVDK_BUNDLE = "nl.zorgtafel.partner.rvdk";
    private static final String HORIZON_BUNDLE = "nl.zorgtafel.partner.horizon";
    private static final String MEE_BUNDLE = "nl.zorgtafel.partner.mee";

    /** Each partner system's bearer token; the container knows only their SHA-256. */
    private static final Map<String, String> TOKENS = Map.of(
            "ggz", "itest-story-ggz-5b1e0c7d-2f4a-4c3b-9e8d-7a6f5e4d3c2b",
            "rvdk", "itest-story-rvdk-0f1e2d3c-4b5a-4968-8776-655443322110",
            "horizon", "itest-story-horizon-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            "mee", "itest-story-mee-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "jbrr", "itest-story-jbrr-6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e");

    private static final Person COORDINATOR = new Person("procesregisseur", "itest-Story-Coordinator-1");
    private static final Person OPERATOR = new Person("beheerder", "itest-Story-Operator-2");

    /**
     * Test BSNs (99999xxxx): Lisa's, from the contract's examples; Mila's (an invented youth the
     * swaps are told with); the valid ones of the faulty MEE file, which must not be applied; and
     * one that fails the elfproef.
     */
    private static final String LISA_BSN = "999990019";
    private static final String MILA_BSN = "999990202";
    private static final String NOOR_BSN = "999990159";
    private static final String ANOUK_BSN = "999990160";
    private static final String FAILING_BSN = "999990018";

    private static final String FHIR_JSON = GgzBundles.MEDIA_TYPE;
    private static final String XML = "application/xml";
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String JSON = "application/json";

    private final ZorgtafelApi api = new ZorgtafelApi();

    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>();
        options.add(ZorgtafelContainer.distribution());
        TOKENS.forEach((partnerId, token) -> options.add(ZorgtafelContainer.partnerToken(partnerId, token)));
        options.add(ZorgtafelContainer.person(COORDINATOR, "coordinator"));
        options.add(ZorgtafelContainer.person(OPERATOR, "operator"));
        return options(options.toArray(Option[]::new));
    }

    @Before
    public void waitUntilTheCoreServes() {
        api.awaitHealth();
    }

    // --- 1. the story ---------------------------------------------------------------------------

    @Test
    public void everyPartnerTellsLisasStoryInItsOwnFormatAndTheTableHasOneCaseWithOneTimeline() {
        Map<String, JsonNode> answers = tellLisasStory();

        String lisasCase = onlyCaseId(answers.get("ggz"));
        for (String partnerId : List.of("jbrr", "horizon", "rvdk")) {
            assertThat(onlyCaseId(answers.get(partnerId))).as(partnerId + "'s message").isEqualTo(lisasCase);
        }
        List<String> meeCases = texts(answers.get("mee").path("caseIds"));
        assertThat(meeCases).as("MEE's export: Lisa's row and Samira's").hasSize(2).contains(lisasCase);

        JsonNode lisa = api.caseFile(lisasCase, COORDINATOR);
        assertThat(texts(lisa.path("partners"))).containsExactlyInAnyOrder("ggz", "horizon", "jbrr", "mee", "rvdk");
        assertThat(lisa.path("crisis").asBoolean()).isTrue();
        String lisasYouth = lisa.path("youth").path("id").asText();
        assertThat(api.cases(COORDINATOR)).as("Lisa's cases")
                .filteredOn(item -> item.path("youth").path("id").asText().equals(lisasYouth))
                .hasSize(1);

        List<JsonNode> timeline = api.timelineEntries(lisasCase, COORDINATOR);
        assertThat(timeline).extracting(PartnersStoryIT::line).containsExactly(
                "2014-09-01 trajectory-start ggz -",
                "2015-02-15 trajectory-end ggz planned",
                "2015-03-02 signal mee normal",
                "2015-03-02 trajectory-start mee -",
                "2015-05-11 signal ggz crisis",
                "2015-05-12 trajectory-end mee early",
                "2015-05-27 signal jbrr crisis",
                "2015-05-27 trajectory-start horizon -",
                "2015-05-27 measure rvdk spoedmachtiging-gesloten-jeugdhulp");
        assertThat(timeline.get(7).path("summary").asText()).as("Horizon's JZ020 category 37")
                .isEqualTo("closed placement");

        String samirasCase = meeCases.stream().filter(id -> !id.equals(lisasCase)).findFirst().orElseThrow();
        JsonNode samira = api.caseFile(samirasCase, COORDINATOR);
        assertThat(samira.path("youth").path("id").asText()).isNotEqualTo(lisasYouth);
        assertThat(samira.path("youth").path("displayName").asText()).isEqualTo("Samira El Idrissi");
        assertThat(texts(samira.path("partners"))).containsExactly("mee");
        assertThat(api.timelineEntries(samirasCase, COORDINATOR)).extracting(PartnersStoryIT::line)
                .containsExactly("2015-04-20 trajectory-start mee -");
    }

    // --- 2. faulty messages ---------------------------------------------------------------------

    @Test
    public void aFaultyMessageOfEachPartnerIsA400NamingTheFaultAndNeverTheBsn() {
        Map<String, JsonNode> problems = sendFaultyMessages();

        JsonNode rvdk = problems.get("rvdk");
        assertThat(locations(rvdk)).containsExactly("body");
        assertThat(rvdk.path("errors").get(0).path("problem").asText()).contains("DOCTYPE");

        JsonNode horizon = problems.get("horizon");
        assertThat(locations(horizon)).singleElement().asString()
                .startsWith("/Bericht/Client/StopProducten/StopProduct")
                .endsWith("/Einddatum");
        assertThat(horizon.path("errors").get(0).path("problem").asText()).contains("Begindatum");

        JsonNode mee = problems.get("mee");
        assertThat(locations(mee)).as("both faulty rows, by line and column")
                .containsExactlyInAnyOrder("line 3, column geboortedatum", "line 4, column bsn");

        JsonNode jbrr = problems.get("jbrr");
        assertThat(locations(jbrr)).containsExactly("signals[0].youth.bsn");
        assertThat(jbrr.path("errors").get(0).path("problem").asText()).contains("elfproef");

        problems.forEach((partnerId, problem) -> {
            String messageId = problem.path("messageId").asText();
            assertThat(messageId).as(partnerId + "'s rejected message id").isNotEmpty();
            HttpResponse<String> status = api.get("/api/v1/partners/" + partnerId + "/messages/" + messageId,
                    ZorgtafelApi.bearer(TOKENS.get(partnerId)));
            assertThat(json(status).path("status").asText()).as(partnerId).isEqualTo("REJECTED");
            assertThat(status.body()).doesNotContain(LISA_BSN, NOOR_BSN, ANOUK_BSN, FAILING_BSN);
        });
        // all or nothing: the good rows of the faulty MEE file were not applied
        assertThat(api.cases(COORDINATOR)).extracting(item -> item.path("youth").path("displayName").asText())
                .doesNotContain("Noor Hendriks", "Anouk Smit", "Julia Peters");
    }

    // --- 3. the file drop -----------------------------------------------------------------------

    @Test
    public void aCsvDroppedInMeesInboxFolderIsProcessedAndNoClearCopyStays() throws IOException {
        String lisasCase = onlyCaseId(tellLisasStory().get("ggz"));
        List<String> timelineBefore = lines(api.timelineEntries(lisasCase, COORDINATOR));

        String name = "mee-export-" + UUID.randomUUID() + ".csv";
        JsonNode receipt = dropMeeExport(name);

        assertThat(receipt.path("file").asText()).isEqualTo(name);
        assertThat(receipt.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(texts(receipt.path("caseIds"))).hasSize(2).contains(lisasCase);
        Path folder = meeInbox();
        try (Stream<Path> left = Files.walk(folder)) {
            assertThat(left.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
                    .as("the clear copy of the dropped file, anywhere under data/inbox/mee")
                    .noneMatch(file -> file.endsWith(name) || file.endsWith(name + ".part"));
        }
        // the same rows again (as Excel saved them): no second effect
        assertThat(lines(api.timelineEntries(lisasCase, COORDINATOR))).isEqualTo(timelineBefore);
        assertThat(api.cases(COORDINATOR)).extracting(item -> item.path("youth").path("displayName").asText())
                .filteredOn("Samira El Idrissi"::equals)
                .hasSize(1);
    }

    // --- 4. no clear BSN on disk ----------------------------------------------------------------

    @Test
    public void noFileUnderKarafDataHoldsABsnInClear() throws IOException {
        tellLisasStory();
        sendFaultyMessages();
        dropMeeExport("mee-export-" + UUID.randomUUID() + ".csv");

        Path data = Path.of(System.getProperty("karaf.data"));
        // bytes read as ISO-8859-1 are one character each: a byte search becomes String.contains
        Map<String, List<String>> needles = new TreeMap<>();
        for (String bsn : List.of(LISA_BSN, MILA_BSN, NOOR_BSN, ANOUK_BSN, FAILING_BSN)) {
            needles.put(bsn, Stream.of(StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)
                    .map(charset -> new String(bsn.getBytes(charset), StandardCharsets.ISO_8859_1))
                    .collect(Collectors.toList()));
        }
        List<String> hits = new ArrayList<>();
        AtomicInteger read = new AtomicInteger();
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (NoSuchFileException vanished) {
                    return FileVisitResult.CONTINUE;
                }
                read.incrementAndGet();
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                needles.forEach((bsn, forms) -> {
                    if (forms.stream().anyMatch(text::contains)) {
                        hits.add(data.relativize(file) + " holds " + bsn);
                    }
                });
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });

        assertThat(read.get()).as("files read under " + data).isGreaterThan(10);
        assertThat(hits).as("files under karaf.data holding a BSN in clear").isEmpty();
    }

    // --- 5. swapping adapters -------------------------------------------------------------------

    @Test
    public void swappingOneAdapterTouchesNoOtherBundleAndLosesNoMessage() throws Exception {
        try (Traffic traffic = new Traffic()) {
            // (a) the RvdK feature out and in again: its messages wait, then are applied in order
            List<String> rvdkMessages = new ArrayList<>();
            List<String> rvdkEvents = onlyThisBundleChanges(RVDK_BUNDLE, () -> {
                long oldId = bundle(RVDK_BUNDLE).getBundleId();
                features.uninstallFeature(RVDK_FEATURE);
                assertThat(installed(RVDK_BUNDLE)).as("the RvdK adapter after feature:uninstall").isEmpty();
                for (String message : List.of("swap/rvdk-1-onderzoek.xml", "swap/rvdk-2-advies.xml")) {
                    rvdkMessages.add(pending(api.postMessage("rvdk", TOKENS.get("rvdk"), XML, resource(message))));
                }
                assertThat(status("rvdk", rvdkMessages.get(0))).isEqualTo("PENDING");
                JsonNode absent = api.partnerState("rvdk", OPERATOR);
                assertThat(absent.path("adapter").asText()).isEqualTo("ABSENT");
                assertThat(absent.path("inboxPending").asLong()).isGreaterThanOrEqualTo(2);
                traffic.awaitMoreRequests();

                features.installFeature(RVDK_FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                assertThat(bundle(RVDK_BUNDLE).getBundleId()).as("a new bundle").isNotEqualTo(oldId);
                awaitProcessedInOrder("rvdk", rvdkMessages);
            });
            assertThat(rvdkEvents).contains("UNINSTALLED", "INSTALLED", "STARTED");
            assertThat(api.partnerState("rvdk", OPERATOR).path("adapter").asText()).isEqualTo("ACTIVE");

            // (b) the Horizon bundle updated from its own jar in system/
            List<String> horizonEvents = onlyThisBundleChanges(HORIZON_BUNDLE, () -> {
                Bundle horizon = bundle(HORIZON_BUNDLE);
                try (InputStream jar = Files.newInputStream(systemJar(horizon))) {
                    horizon.update(jar);
                }
                assertThat(horizon.getState()).isEqualTo(Bundle.ACTIVE);
                String message = accepted(api.postMessage("horizon", TOKENS.get("horizon"), XML,
                        resource("swap/horizon-jw305.xml")));
                awaitProcessedInOrder("horizon", List.of(message));
                traffic.awaitMoreRequests();
            });
            assertThat(horizonEvents).contains("UPDATED", "STARTED");

            // (c) the MEE bundle stopped and started: its export waits meanwhile
            List<String> meeEvents = onlyThisBundleChanges(MEE_BUNDLE, () -> {
                Bundle mee = bundle(MEE_BUNDLE);
                String message;
                mee.stop();
                try {
                    message = pending(api.postMessage("mee", TOKENS.get("mee"), CSV, resource("swap/mee-export.csv")));
                    assertThat(api.partnerState("mee", OPERATOR).path("adapter").asText()).isEqualTo("ABSENT");
                    traffic.awaitMoreRequests();
                } finally {
                    mee.start();
                }
                awaitProcessedInOrder("mee", List.of(message));
            });
            assertThat(meeEvents).contains("STOPPED", "STARTED");

            traffic.awaitMoreRequests();
            assertThat(traffic.failures()).as("requests during the swaps not answered as expected").isEmpty();
        }

        String milasCase = onlyCaseId(json(api.get("/api/v1/partners/rvdk/messages/RVDK-ITEST-SWAP-1",
                ZorgtafelApi.bearer(TOKENS.get("rvdk")))));
        assertThat(api.timelineEntries(milasCase, COORDINATOR)).extracting(PartnersStoryIT::line).containsExactly(
                "2016-01-11 investigation rvdk -",
                "2016-02-01 advice rvdk ots",
                "2016-03-01 trajectory-start horizon -",
                "2016-04-01 trajectory-start mee -");
        assertThat(api.get("/api/v1/health", null).statusCode()).isEqualTo(200);
    }

    // --- Lisa's story, and the faulty messages ---------------------------------------------------

    /** Each partner's example message about Lisa, in the order things happened; each answered PROCESSED. */
    private Map<String, JsonNode> tellLisasStory() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("ggz", processed(api.postMessage("ggz", TOKENS.get("ggz"), FHIR_JSON, resource("ggz-bundle.json"))));
        answers.put("mee", processed(api.postMessage("mee", TOKENS.get("mee"), CSV, resource("mee-export.csv"))));
        answers.put("jbrr", processed(api.postMessage("jbrr", TOKENS.get("jbrr"), JSON,
                resource("jbrr-crisis-signal.json"))));
        answers.put("horizon", processed(api.postMessage("horizon", TOKENS.get("horizon"), XML,
                resource("horizon-jw305.xml"))));
        answers.put("rvdk", processed(api.postMessage("rvdk", TOKENS.get("rvdk"), XML, resource("rvdk-uitspraak.xml"))));
        return answers;
    }

    /**
     * One faulty message of each partner, each answered 400 with problem details that hold no
     * BSN; the problem details by partner.
     */
    private Map<String, JsonNode> sendFaultyMessages() {
        Map<String, JsonNode> problems = new LinkedHashMap<>();
        problems.put("rvdk", rejected(api.postMessage("rvdk", TOKENS.get("rvdk"), XML,
                resource("invalid/rvdk-doctype.xml"))));
        problems.put("horizon", rejected(api.postMessage("horizon", TOKENS.get("horizon"), XML,
                resource("invalid/horizon-jw307-einddatum-before-begindatum.xml"))));
        problems.put("mee", rejected(api.postMessage("mee", TOKENS.get("mee"), CSV,
                resource("invalid/mee-two-bad-rows.csv"))));
        problems.put("jbrr", rejected(api.postMessage("jbrr", TOKENS.get("jbrr"), JSON,
                resource("invalid/jbrr-failing-bsn.json"))));
        return problems;
    }


    private static JsonNode rejected(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(ZorgtafelApi.PROBLEM_JSON));
        assertThat(answer.body()).doesNotContain(LISA_BSN, NOOR_BSN, ANOUK_BSN, FAILING_BSN);
        JsonNode problem = json(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").isArray()).as(answer.body()).isTrue();
        return problem;
    }

    private static List<String> locations(JsonNode problem) {
        List<String> locations = new ArrayList<>();
        problem.path("errors").forEach(error -> locations.add(error.path("location").asText()));
        return locations;
    }

    /** A timeline entry as "date kind partner outcome" ("-" for no outcome). */
    private static String line(JsonNode entry) {
        return entry.path("date").asText() + " " + entry.path("kind").asText() + " " + entry.path("partner").asText()
                + " " + (entry.hasNonNull("outcome") ? entry.path("outcome").asText() : "-");
    }

    private static List<String> lines(List<JsonNode> entries) {
        return entries.stream().map(PartnersStoryIT::line).collect(Collectors.toList());
    }

    // --- MEE's file drop --------------------------------------------------------------------------

    private static Path meeInbox() {
        return Path.of(System.getProperty("karaf.data"), "inbox", "mee");
    }

    /**
     * Drops MEE's export as Excel saves it (byte order mark, CRLF): the rows of the one POSTed,
     * in another body. Written under a name the inbox leaves alone, then renamed, as MEE's
     * system is told to. Returns the receipt once the inbox has taken the file.
     */
    private static JsonNode dropMeeExport(String name) throws IOException {
        String text = new String(resource("mee-export.csv"), StandardCharsets.UTF_8);
        byte[] excel = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(meeInbox());
        Path partial = Files.write(folder.resolve(name + ".part"), excel);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);

        Path receipts = folder.resolve("processed");
        Path receipt = await("a receipt for " + name + " in data/inbox/mee/processed/")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> receiptOf(receipts, name), Optional::isPresent)
                .orElseThrow();
        return ZorgtafelApi.JSON.readTree(receipt.toFile());
    }

    private static Optional<Path> receiptOf(Path receipts, String name) throws IOException {
        if (!Files.isDirectory(receipts)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(receipts)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-" + name + ".receipt.json")).findFirst();
        }
    }


    // --- swaps ------------------------------------------------------------------------------------

    /** What a swap does; may throw what the OSGi and features APIs throw. */
    private interface Swap {
        void run() throws Exception;
    }

    /**
     * Runs the swap while recording every bundle event, and asserts that no bundle other than
     * {@code symbolicName} had one and that every other bundle kept its id, state and last
     * modification (a refresh or restart changes them). Returns the swapped bundle's events.
     */
    private List<String> onlyThisBundleChanges(String symbolicName, Swap swap) throws Exception {
        Map<Long, String> before = otherBundles(symbolicName);
        List<String> own = new CopyOnWriteArrayList<>();
        List<String> others = new CopyOnWriteArrayList<>();
        // synchronous: called in the thread that changes the bundle, a resolver or refresh thread included
        SynchronousBundleListener listener = event -> {
            String type = eventType(event.getType());
            if (symbolicName.equals(event.getBundle().getSymbolicName())) {
                own.add(type);
            } else {
                others.add(event.getBundle().getSymbolicName() + " " + type);
            }
        };
        bundleContext.addBundleListener(listener);
        try {
            swap.run();
        } finally {
            bundleContext.removeBundleListener(listener);
        }
        assertThat(others).as("events of other bundles while swapping " + symbolicName).isEmpty();
        assertThat(otherBundles(symbolicName)).as("the other bundles after swapping " + symbolicName)
                .isEqualTo(before);
        return own;
    }

    /** Every other bundle's id, symbolic name, state and last modification. */
    private Map<Long, String> otherBundles(String except) {
        Map<Long, String> states = new TreeMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (!except.equals(bundle.getSymbolicName())) {
                states.put(bundle.getBundleId(), bundle.getSymbolicName() + " state=" + bundle.getState()
                        + " modified=" + bundle.getLastModified());
            }
        }
        return states;
    }

    private Optional<Bundle> installed(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst();
    }

    private Bundle bundle(String symbolicName) {
        return installed(symbolicName)
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
    }

    /** The bundle's own jar in the distribution's system/ folder, from its mvn: location. */
    private static Path systemJar(Bundle bundle) {
        String location = bundle.getLocation();
        assertThat(location).startsWith("mvn:");
        String[] coordinates = location.substring("mvn:".length()).split("/");
        Path jar = Path.of(System.getProperty("karaf.home"), "system")
                .resolve(coordinates[0].replace('.', '/'))
                .resolve(coordinates[1])
                .resolve(coordinates[2])
                .resolve(coordinates[1] + "-" + coordinates[2] + ".jar");
        assertThat(jar).isRegularFile();
        return jar;
    }

    private static String eventType(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
            default -> "type " + type;
        };
    }

    /** A message its partner's absent adapter cannot take yet: 202 PENDING. Returns its id. */
    private static String pending(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(json(answer).path("status").asText()).isEqualTo("PENDING");
        return json(answer).path("messageId").asText();
    }

    /** A message taken (200, or 202 if it waited): its id. */
    private static String accepted(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 202);
        return json(answer).path("messageId").asText();
    }

    private String status(String partnerId, String messageId) {
        return api.messageStatus(partnerId, TOKENS.get(partnerId), messageId);
    }

    /** Waits until every message is PROCESSED, and checks that none was processed before an earlier one. */
    private void awaitProcessedInOrder(String partnerId, List<String> messageIds) {
        List<String> observed = new ArrayList<>();
        await(partnerId + " messages " + messageIds + " PROCESSED")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String statuses = messageIds.stream().map(id -> status(partnerId, id))
                            .collect(Collectors.joining(","));
                    observed.add(statuses);
                    return Arrays.stream(statuses.split(",")).allMatch("PROCESSED"::equals);
                });
        assertThat(observed).as("a later message is never applied before an earlier one")
                .noneMatch(statuses -> statuses.matches(".*PENDING.*PROCESSED.*"));
    }


    /**
     * Requests in the background while adapters are swapped, one after another: health, a
     * coordinator's case list, the operator's partner overview, and GGZ sending Lisa's bundle
     * again (GGZ's adapter is never swapped here). Each must answer 200; whatever does not, or
     * fails, is recorded.
     */
    private final class Traffic implements AutoCloseable {

        private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicInteger sent = new AtomicInteger();

        Traffic() {
            sender.scheduleWithFixedDelay(this::send, 0, 20, TimeUnit.MILLISECONDS);
        }

        private void send() {
            int turn = sent.get() % 4;
            String what = switch (turn) {
                case 0 -> "GET /api/v1/health";
                case 1 -> "GET /api/v1/cases";
                case 2 -> "GET /api/v1/partners";
                default -> "POST /api/v1/partners/ggz/messages";
            };
            try {
                HttpResponse<String> answer = switch (turn) {
                    case 0 -> api.get("/api/v1/health", null);
                    case 1 -> api.get("/api/v1/cases", COORDINATOR.authorization());
                    case 2 -> api.get("/api/v1/partners", OPERATOR.authorization());
                    default -> api.postMessage("ggz", TOKENS.get("ggz"), FHIR_JSON, resource("ggz-bundle.json"));
                };
                if (answer.statusCode() != 200) {
                    failures.add(what + " answered " + answer.statusCode() + ": " + answer.body());
                }
            } catch (RuntimeException e) {
                failures.add(what + " failed: " + e);
            } finally {
                sent.incrementAndGet();
            }
        }

        /** Waits until the background has sent a few more requests (a round of each kind). */
        void awaitMoreRequests() {
            int target = sent.get() + 8;
            await("background requests").atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= target);
        }

        List<String> failures() {
            return failures;
        }

        @Override
        public void close() throws InterruptedException {
            sender.shutdownNow();
            sender.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
