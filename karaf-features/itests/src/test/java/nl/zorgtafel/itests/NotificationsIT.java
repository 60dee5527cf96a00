package nl.zorgtafel.itests;

import static nl.zorgtafel.itests.ZorgtafelApi.json;
import static nl.zorgtafel.itests.ZorgtafelApi.onlyCaseId;
import static nl.zorgtafel.itests.ZorgtafelApi.processed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import nl.zorgtafel.itests.FakePartnerEndpoint.Request;
import nl.zorgtafel.itests.ZorgtafelApi.Person;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What the platform tells partners (contract section 4), seen from the partners' side: the
 * crisis team JBRR's system is faked by an HTTP endpoint inside the container, which the
 * running platform is pointed at through Config Admin (as an operator edits
 * {@code etc/nl.zorgtafel.partner-jbrr.cfg}); MEE's notifications are files in its
 * {@code outboundDirectory}.
 *
 * <p>JBRR's delivery settings are made short before boot (two attempts, 200 ms apart), so that
 * a refused notification becomes a dead letter within a second.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsIT {

    private static final String GGZ_TOKEN = "itest-notify-ggz-2d4f6a8c-0e1a-4c3e-9f5a-7b9d1f3a5c7e";
    private static final String MEE_TOKEN = "itest-notify-mee-8e6c4a2f-1d3b-4f5a-a7c9-e1f3a5c7e9b1";
    private static final Person COORDINATOR = new Person("coordinator-notify", "itest-Notify-Coordinator-1");
    private static final Person OPERATOR = new Person("operator-notify", "itest-Notify-Operator-2");

    private static final String PARTNER_FACTORY_PID = "nl.zorgtafel.partner";
    private static final String MAX_ATTEMPTS = "2";

    /** Invented youths with test BSNs (99999xxxx, passing the elfproef). */
    private static final String EVA_BSN = "999990214";
    private static final String SEM_BSN = "999990226";
    private static final String NOAH_BSN = "999990238";

    /**
     * JBRR's system, started once in the container (test methods run there; a static field
     * outlives one method) and configured as JBRR's {@code outboundUrl} before its first use.
     */
    private static FakePartnerEndpoint jbrr;

    private final ZorgtafelApi api = new ZorgtafelApi();

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        return options(
                ZorgtafelContainer.distribution(),
                ZorgtafelContainer.partnerToken("ggz", GGZ_TOKEN),
                ZorgtafelContainer.partnerToken("mee", MEE_TOKEN),
                ZorgtafelContainer.partnerSetting("jbrr", "maxAttempts", MAX_ATTEMPTS),
                ZorgtafelContainer.partnerSetting("jbrr", "retryBaseMillis", "200"),
                ZorgtafelContainer.partnerSetting("jbrr", "retryMaxMillis", "400"),
                ZorgtafelContainer.person(COORDINATOR, "coordinator"),
                ZorgtafelContainer.person(OPERATOR, "operator"));
    }

    @Before
    public void jbrrListensAtItsOutboundUrl() throws IOException {
        api.awaitHealth();
        if (jbrr == null) {
            jbrr = FakePartnerEndpoint.start("/jbrr/notifications");
            pointPartnerAt("jbrr", "outboundUrl", jbrr.url());
        }
        jbrr.answer(200);
    }

    @Test
    public void aCrisisSignalOfAnotherPartnerReachesTheCrisisTeamAtOnceWithoutTheBsn() {
        String caseId = onlyCaseId(processed(api.postMessage("ggz", GGZ_TOKEN, GgzBundles.MEDIA_TYPE,
                crisisBundle("ggz-itest-crisis-eva", EVA_BSN, "Eva", "Jansen", "2003-08-21"))));

        Request delivered = await("JBRR's endpoint receives the crisis notification for case " + caseId)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jbrr.requestsAbout(caseId), requests -> !requests.isEmpty())
                .get(0);

        assertThat(delivered.method()).isEqualTo("POST");
        assertThat(delivered.path()).isEqualTo("/jbrr/notifications");
        assertThat(delivered.contentType()).startsWith("application/json");
        JsonNode notification = delivered.json();
        assertThat(notification.path("kind").asText()).isEqualTo("crisis-signal");
        assertThat(notification.path("notificationId").asText()).isNotBlank();
        assertThat(delivered.idempotencyKey()).isEqualTo(notification.path("notificationId").asText());
        assertThat(notification.path("youth").path("displayName").asText()).isEqualTo("Eva Jansen");
        assertThat(notification.path("youth").path("birthDate").asText()).isEqualTo("2003-08-21");
        assertThat(notification.path("summary").asText()).contains("ggz");
        assertThat(delivered.text()).doesNotContain(EVA_BSN);

        await("no second delivery of a notification JBRR accepted")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> jbrr.requestsAbout(caseId).size() == 1);
    }

    @Test
    public void aNotificationJbrrKeepsRefusingBecomesADeadLetterThatAnOperatorReplaysOnce() {
        long deadBefore = api.partnerState("jbrr", OPERATOR).path("deadLetters").asLong();
        jbrr.answer(503);
        String caseId = onlyCaseId(processed(api.postMessage("ggz", GGZ_TOKEN, GgzBundles.MEDIA_TYPE,
                crisisBundle("ggz-itest-crisis-sem", SEM_BSN, "Sem", "de Boer", "2002-11-30"))));

        await("two refused attempts, then a dead letter")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jbrr.requestsAbout(caseId).size() == Integer.parseInt(MAX_ATTEMPTS)
                        && api.partnerState("jbrr", OPERATOR).path("deadLetters").asLong() == deadBefore + 1);
        List<Request> refused = jbrr.requestsAbout(caseId);
        String notificationId = refused.get(0).idempotencyKey();
        assertThat(refused).extracting(Request::idempotencyKey).containsOnly(notificationId);
        assertThat(refused).extracting(Request::answered).containsOnly(503);
        JsonNode dead = api.partnerState("jbrr", OPERATOR);
        assertThat(dead.path("adapter").asText()).isEqualTo("ACTIVE");
        assertThat(dead.path("lastError").asText()).contains("503");
        await("a dead letter is not tried again on its own")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> jbrr.requestsAbout(caseId).size() == refused.size());

        jbrr.answer(200);
        assertThat(api.post("/api/v1/partners/jbrr/dead-letters/replay", new byte[0], "application/json",
                Map.of("Authorization", COORDINATOR.authorization())).statusCode())
                .as("replay as a coordinator").isEqualTo(403);
        HttpResponse<String> replay = api.post("/api/v1/partners/jbrr/dead-letters/replay", new byte[0],
                "application/json", Map.of("Authorization", OPERATOR.authorization()));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(json(replay).path("replayed").asLong()).isEqualTo(deadBefore + 1);

        await("the replayed notification delivered")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jbrr.requestsAbout(caseId).size() == refused.size() + 1);
        await("delivered exactly once more")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> jbrr.requestsAbout(caseId).size() == refused.size() + 1);
        Request replayed = jbrr.requestsAbout(caseId).get(refused.size());
        assertThat(replayed.idempotencyKey()).isEqualTo(notificationId);
        assertThat(replayed.answered()).isEqualTo(200);
        assertThat(replayed.json().path("kind").asText()).isEqualTo("crisis-signal");
        await("no dead letter or pending notification left for JBRR")
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    JsonNode state = api.partnerState("jbrr", OPERATOR);
                    return state.path("deadLetters").asLong() == 0 && state.path("outboxPending").asLong() == 0;
                });
    }

    @Test
    public void meeNotificationsAreWholeCsvFilesInItsOutboundDirectory() throws IOException, InterruptedException {
        Path outbox = Path.of(partnerProperty("mee", "outboundDirectory"));
        try (OutboxWatch watch = new OutboxWatch(outbox)) {
            // GGZ knows Noah first; when MEE reports about him too, MEE is told that it shares the case
            ObjectNode ggz = GgzBundles.about("ggz-itest-noah", NOAH_BSN, "Noah", "Peeters", "2003-10-09",
                    "EpisodeOfCare");
            String caseId = onlyCaseId(processed(api.postMessage("ggz", GGZ_TOKEN, GgzBundles.MEDIA_TYPE,
                    ggz.toString().getBytes(StandardCharsets.UTF_8))));
            String csv = "bsn;voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum\n"
                    + NOAH_BSN + ";Noah;Peeters;09-10-2003;MEE-99101;clientondersteuning;01-09-2016\n";
            JsonNode mee = processed(api.postMessage("mee", MEE_TOKEN, "text/csv; charset=UTF-8",
                    csv.getBytes(StandardCharsets.UTF_8)));
            assertThat(onlyCaseId(mee)).isEqualTo(caseId);

            Path file = await("a notification file about case " + caseId + " in " + outbox)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> watch.fileAbout(caseId), Optional::isPresent)
                    .orElseThrow();

            assertThat(watch.incomplete()).as("notification files seen before they were whole").isEmpty();
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> lines = text.lines().collect(Collectors.toList());
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("\uFEFFnotificatie_id;soort;casus_id;naam;geboortedatum;");
            String[] cells = lines.get(1).split(";", -1);
            assertThat(file.getFileName().toString()).isEqualTo("notificatie_" + cells[0] + ".csv");
            assertThat(cells[1]).isEqualTo("match");
            assertThat(cells[2]).isEqualTo(caseId);
            assertThat(cells[3]).isEqualTo("Noah Peeters");
            assertThat(cells[4]).isEqualTo("09-10-2003");
            assertThat(text).doesNotContain(NOAH_BSN);
        }
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("files in MEE's outboundDirectory")
                    .allMatch(name -> name.startsWith("notificatie_") && name.endsWith(".csv"));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A GGZ bundle about an invented youth: the Patient and the crisis Flag (category safety). */
    private static byte[] crisisBundle(String id, String bsn, String given, String family, String birthDate) {
        ObjectNode bundle = GgzBundles.about(id, bsn, given, family, birthDate, "Flag");
        GgzBundles.resource(bundle, "Flag").withObjectProperty("period").put("start", "2016-05-02");
        return bundle.toString().getBytes(StandardCharsets.UTF_8);
    }



    /** The partner's factory configuration (from etc/nl.zorgtafel.partner-<id>.cfg). */
    private org.osgi.service.cm.Configuration partnerConfiguration(String partnerId) {
        try {
            org.osgi.service.cm.Configuration[] found = configurationAdmin.listConfigurations(
                    "(&(service.factoryPid=" + PARTNER_FACTORY_PID + ")(partnerId=" + partnerId + "))");
            assertThat(found).as("configurations of partner " + partnerId).hasSize(1);
            return found[0];
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String partnerProperty(String partnerId, String key) {
        Object value = partnerConfiguration(partnerId).getProperties().get(key);
        assertThat(value).as(key + " of partner " + partnerId).isNotNull();
        return value.toString();
    }

    /** Changes one setting of a running partner, as an operator's edit of its .cfg does. */
    private void pointPartnerAt(String partnerId, String key, String value) throws IOException {
        org.osgi.service.cm.Configuration configuration = partnerConfiguration(partnerId);
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.put(key, value);
        configuration.update(properties);
    }

    /**
     * Looks at MEE's outbound directory every few milliseconds while a test runs and reads
     * every notification file the moment it is visible, recording any that is not whole yet
     * (no byte order mark and header, no second line, no final line break).
     */
    private static final class OutboxWatch implements AutoCloseable {

        private final Path directory;
        private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor();
        private final Map<Path, String> whole = new ConcurrentHashMap<>();
        private final List<String> incomplete = new CopyOnWriteArrayList<>();

        OutboxWatch(Path directory) {
            this.directory = directory;
            looker.scheduleWithFixedDelay(this::look, 0, 5, TimeUnit.MILLISECONDS);
        }

        private void look() {
            if (!Files.isDirectory(directory)) {
                return;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.collect(Collectors.toList())) {
                    String name = file.getFileName().toString();
                    if (name.startsWith("notificatie_") && !whole.containsKey(file)) {
                        read(file);
                    }
                }
            } catch (IOException e) {
                incomplete.add("listing failed: " + e);
            }
        }

        private void read(Path file) {
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (text.startsWith("\uFEFFnotificatie_id;") && text.lines().count() == 2
                        && (text.endsWith("\n") || text.endsWith("\r"))) {
                    whole.put(file, text);
                } else {
                    incomplete.add(file.getFileName() + " read as " + text.length() + " characters");
                }
            } catch (NoSuchFileException vanished) {
                incomplete.add(file.getFileName() + " vanished after it was listed");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The notification file seen whole whose row names this case. */
        Optional<Path> fileAbout(String caseId) {
            return whole.entrySet().stream().filter(entry -> entry.getValue().contains(";" + caseId + ";"))
                    .map(Map.Entry::getKey).findFirst();
        }

        List<String> incomplete() {
            return incomplete;
        }

        @Override
        public void close() throws InterruptedException {
            looker.shutdownNow();
            looker.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
