package nl.zorgtafel.core.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.inbox.AdapterRegistry;
import nl.zorgtafel.core.internal.operations.PartnerOverview;
import nl.zorgtafel.core.internal.operations.PartnerOverview.PartnerState;
import nl.zorgtafel.core.internal.outbox.PartnerEndpoint.Received;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import nl.zorgtafel.core.internal.store.OutboxStore.OutboxEntry;
import nl.zorgtafel.core.internal.store.OutboxStore.Status;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.core.internal.testing.RecordingAdapter;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox dispatcher wired as the core wires it: a real database, a delivery pool of
 * two threads driven every few milliseconds, real HTTP to fake partner endpoints on
 * 127.0.0.1 and real files. Retries are milliseconds apart, so that a test of back-off
 * and dead letters takes no time worth mentioning.
 */
class OutboxDispatcherTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final String GGZ = "ggz";
    private static final String HORIZON = "horizon";
    private static final String MEE = "mee";
    private static final RetryPolicy QUICK_RETRY = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20));
    /** As quick, but with attempts enough never to give up while a test looks on. */
    private static final RetryPolicy PATIENT_RETRY = new RetryPolicy(100_000, Duration.ofMillis(5),
            Duration.ofMillis(20));
    /** An HTTP timeout no test waits for: the tests about hanging endpoints hold the request themselves. */
    private static final Duration NO_TIMEOUT_IN_SIGHT = Duration.ofMinutes(2);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final Clock clock = Clock.system(ZoneId.of("Europe/Amsterdam"));
    private final Transactions transactions = DATABASE.transactions();
    private final AdapterRegistry adapters = new AdapterRegistry();
    private final PartnerDirectory partners = new PartnerDirectory();
    private final Notifier notifier = new Notifier();
    private final List<PartnerEndpoint> endpoints = new ArrayList<>();
    private final AtomicLong rounds = new AtomicLong();
    private ThreadPoolExecutor deliveries;
    private ScheduledExecutorService outboxClock;

    @AfterEach
    void stopDelivering() throws InterruptedException {
        if (outboxClock != null) {
            outboxClock.shutdownNow();
            assertThat(outboxClock.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        // closing releases the requests a hanging endpoint holds, so the deliveries can end
        endpoints.forEach(PartnerEndpoint::close);
        if (deliveries != null) {
            deliveries.shutdown();
            assertThat(deliveries.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aNotificationIsPostedOnceWithItsIdAsIdempotencyKeyAndTheAdaptersMediaTypeAndPath() throws IOException {
        PartnerEndpoint ggz = endpoint();
        partners.configured(httpPartner(GGZ, ggz));
        adapters.arrived(RecordingAdapter.withTargets(GGZ, notification -> List.of("/Communication")));
        String id = enqueue(GGZ, "youth-noor", "Partner politie now also reports about this youth.");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        severalRoundsPass();
        assertThat(ggz.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/partner/Communication");
            assertThat(request.idempotencyKey()).isEqualTo(id);
            assertThat(request.contentType()).isEqualTo(RecordingAdapter.MEDIA_TYPE);
            assertThat(request.body()).startsWith("match;" + id + ";")
                    .endsWith("Partner politie now also reports about this youth.");
        });
        assertThat(attempts(id)).isZero();
    }

    @Test
    void everyMessageTheAdapterRendersIsPostedInTheOrderGivenEachWithItsOwnKey() throws IOException {
        PartnerEndpoint ggz = endpoint();
        partners.configured(httpPartner(GGZ, ggz));
        adapters.arrived(RecordingAdapter.withTargets(GGZ, notification -> List.of("/Communication", "/Task")));
        String id = enqueue(GGZ, "youth-noor", "an agreement GGZ owns");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(ggz.received()).extracting(Received::path, Received::idempotencyKey).containsExactly(
                tuple("/partner/Communication", id), tuple("/partner/Task", id + "-2"));
    }

    @Test
    void aRetryAfterSomeMessagesWentThroughRepeatsTheSameKeys() throws IOException {
        PartnerEndpoint ggz = endpoint();
        ggz.answer503OnceTo("/Task");
        partners.configured(httpPartner(GGZ, ggz));
        adapters.arrived(RecordingAdapter.withTargets(GGZ, notification -> List.of("/Communication", "/Task")));
        String id = enqueue(GGZ, "youth-noor", "an agreement GGZ owns");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(ggz.received()).extracting(Received::path, Received::idempotencyKey, Received::answer)
                .containsExactly(
                        tuple("/partner/Communication", id, 200), tuple("/partner/Task", id + "-2", 503),
                        tuple("/partner/Communication", id, 200), tuple("/partner/Task", id + "-2", 200));
        assertThat(attempts(id)).isOne();
    }

    @Test
    void theFirstMessageIsKeyedByTheNotificationIdAndEachLaterOneByItsPosition() {
        assertThat(OutboxDispatcher.deliveryKey("n-1", 0)).isEqualTo("n-1");
        assertThat(OutboxDispatcher.deliveryKey("n-1", 1)).isEqualTo("n-1-2");
        assertThat(OutboxDispatcher.deliveryKey("n-1", 2)).isEqualTo("n-1-3");
    }

    @Test
    void theAdapterIsGivenTheYouthsDisplayNameAndBirthDateAndNeverTheBsn() throws IOException {
        String bsn = TestBsns.digits("999990019");
        EventApplier applier = applier();
        YouthIdentity noor = new YouthIdentity(TestBsns.bsn(bsn), "Noor", "Testdal", LocalDate.of(2008, 5, 17));
        transactions.run(store -> applier.apply(store, "politie", List.of(signal(noor, "POL-1"))));
        transactions.run(store -> applier.apply(store, GGZ, List.of(signal(noor, "GGZ-1"))));
        PartnerEndpoint ggz = endpoint();
        partners.configured(httpPartner(GGZ, ggz));
        RecordingAdapter adapter = RecordingAdapter.forPartner(GGZ);
        adapters.arrived(adapter);

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> ggz.accepted().size() == 1);
        assertThat(adapter.rendered()).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo(Notification.Kind.MATCH);
            assertThat(notification.youthDisplayName()).isEqualTo("Noor Testdal");
            assertThat(notification.youthBirthDate()).isEqualTo(LocalDate.of(2008, 5, 17));
            assertThat(notification.summary()).doesNotContain(bsn);
        });
        assertThat(ggz.received()).extracting(Received::body).noneMatch(body -> body.contains(bsn));
    }

    @Test
    void aNotificationWaitsWithoutAnAttemptWhileItsPartnersAdapterIsAbsentAndGoesWhenItArrives()
            throws IOException {
        PartnerEndpoint ggz = endpoint();
        partners.configured(httpPartner(GGZ, ggz));
        String id = enqueue(GGZ, "youth-noor", "waiting for the adapter");
        startDelivering(NO_TIMEOUT_IN_SIGHT);

        severalRoundsPass();
        assertThat(status(id)).isEqualTo(Status.PENDING);
        assertThat(attempts(id)).isZero();
        assertThat(ggz.received()).isEmpty();

        adapters.arrived(RecordingAdapter.forPartner(GGZ));

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(ggz.accepted()).extracting(Received::idempotencyKey).containsExactly(id);
        assertThat(attempts(id)).isZero();
    }

    @Test
    void aNotificationWaitsWithoutAnAttemptWhileItsPartnerHasNoDestinationAndGoesWhenOneIsConfigured()
            throws IOException {
        PartnerEndpoint ggz = endpoint();
        partners.configured(new PartnerSettings(GGZ, "", "", "", true, QUICK_RETRY));
        adapters.arrived(RecordingAdapter.forPartner(GGZ));
        String id = enqueue(GGZ, "youth-noor", "waiting for a destination");
        startDelivering(NO_TIMEOUT_IN_SIGHT);

        severalRoundsPass();
        assertThat(status(id)).isEqualTo(Status.PENDING);
        assertThat(attempts(id)).isZero();

        partners.configured(httpPartner(GGZ, ggz));

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(ggz.accepted()).extracting(Received::idempotencyKey).containsExactly(id);
    }

    @Test
    void aPartnerAnswering503IsTriedAgainUntilItAcceptsAndTheFailedAttemptsAreCounted() throws IOException {
        PartnerEndpoint ggz = ggzOverHttp();
        ggz.answer503Times(2);
        String id = enqueue(GGZ, "youth-noor", "try again");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(ggz.received()).extracting(Received::answer).containsExactly(503, 503, 200);
        assertThat(ggz.received()).extracting(Received::idempotencyKey).containsOnly(id);
        assertThat(attempts(id)).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptANotificationIsADeadLetterThatTheOverviewCounts() throws IOException {
        PartnerEndpoint ggz = ggzOverHttp();
        ggz.goDown();
        String id = enqueue(GGZ, "youth-noor", "nobody home");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DEAD);
        severalRoundsPass();
        assertThat(ggz.received()).hasSize(QUICK_RETRY.maxAttempts());
        assertThat(deadLetters(GGZ)).singleElement().satisfies(letter -> {
            assertThat(letter.notificationId()).isEqualTo(id);
            assertThat(letter.attempts()).isEqualTo(QUICK_RETRY.maxAttempts());
            assertThat(letter.lastError()).isEqualTo("HTTP 503 from 127.0.0.1");
        });
        assertThat(overviewOf(GGZ)).satisfies(state -> {
            assertThat(state.deadLetters()).isOne();
            assertThat(state.outboxPending()).isZero();
            assertThat(state.lastError()).isEqualTo("HTTP 503 from 127.0.0.1");
        });
    }

    @Test
    void aReplayedDeadLetterIsDeliveredOnceTheEndpointHealed() throws IOException {
        PartnerEndpoint ggz = ggzOverHttp();
        ggz.goDown();
        String id = enqueue(GGZ, "youth-noor", "nobody home");
        startDelivering(NO_TIMEOUT_IN_SIGHT);
        await().atMost(PATIENCE).until(() -> status(id) == Status.DEAD);
        ggz.heal();

        int replayed = transactions.run(store -> store.outbox().replayDeadLetters(GGZ, clock.instant()));

        assertThat(replayed).isOne();
        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(ggz.accepted()).extracting(Received::idempotencyKey).containsExactly(id);
        assertThat(deadLetters(GGZ)).isEmpty();
        assertThat(overviewOf(GGZ).deadLetters()).isZero();
    }

    @Test
    void aYouthsSecondNotificationWaitsUntilTheFirstIsDelivered() throws IOException {
        PartnerEndpoint ggz = ggzOverHttp();
        ggz.answer503Times(3);
        String first = enqueue(GGZ, "youth-noor", "first");
        String second = enqueue(GGZ, "youth-noor", "second");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(second) == Status.DELIVERED);
        assertThat(ggz.received()).extracting(Received::idempotencyKey, Received::answer).containsExactly(
                tuple(first, 503), tuple(first, 503), tuple(first, 503), tuple(first, 200), tuple(second, 200));
        assertThat(attempts(first)).isEqualTo(3);
        assertThat(attempts(second)).isZero();
    }

    @Test
    void whileAYouthsFirstNotificationKeepsFailingTheirSecondWaitsAndAnotherYouthsGoes() throws IOException {
        PartnerEndpoint ggz = endpoint();
        partners.configured(new PartnerSettings(GGZ, "", ggz.url(), "", true, PATIENT_RETRY));
        RecordingAdapter adapter = RecordingAdapter.forPartner(GGZ);
        adapter.breakOn(notification -> notification.summary().equals("first about Noor"));
        adapters.arrived(adapter);
        String noorsFirst = enqueue(GGZ, "youth-noor", "first about Noor");
        String noorsSecond = enqueue(GGZ, "youth-noor", "second about Noor");
        String liasFirst = enqueue(GGZ, "youth-lia", "first about Lia");
        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(liasFirst) == Status.DELIVERED && attempts(noorsFirst) >= 2);
        assertThat(status(noorsSecond)).isEqualTo(Status.PENDING);
        assertThat(attempts(noorsSecond)).isZero();
        assertThat(adapter.rendered()).extracting(Notification::id).doesNotContain(noorsSecond);

        adapter.repair();

        await().atMost(PATIENCE).until(() -> status(noorsSecond) == Status.DELIVERED);
        assertThat(ggz.accepted()).extracting(Received::idempotencyKey).containsExactly(liasFirst, noorsFirst,
                noorsSecond);
    }

    @Test
    void aDeadLetterNoLongerHoldsBackTheYouthsLaterNotifications() throws IOException {
        PartnerEndpoint ggz = ggzOverHttp();
        ggz.answer503Times(QUICK_RETRY.maxAttempts());
        String first = enqueue(GGZ, "youth-noor", "first");
        String second = enqueue(GGZ, "youth-noor", "second");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(second) == Status.DELIVERED);
        assertThat(status(first)).isEqualTo(Status.DEAD);
        assertThat(ggz.accepted()).extracting(Received::idempotencyKey).containsExactly(second);
    }

    @Test
    void aPartnerWhoseEndpointHangsDelaysNoOtherPartner() throws IOException {
        PartnerEndpoint ggz = endpoint();
        ggz.hang();
        PartnerEndpoint horizon = endpoint();
        partners.configured(httpPartner(GGZ, ggz));
        partners.configured(httpPartner(HORIZON, horizon));
        adapters.arrived(RecordingAdapter.forPartner(GGZ));
        adapters.arrived(RecordingAdapter.forPartner(HORIZON));
        String toGgz = enqueue(GGZ, "youth-noor", "stuck in GGZ's endpoint");
        startDelivering(NO_TIMEOUT_IN_SIGHT);
        await().atMost(PATIENCE).until(() -> ggz.held() == 1);

        String toHorizon = enqueue(HORIZON, "youth-noor", "through at once");

        await().atMost(PATIENCE).until(() -> status(toHorizon) == Status.DELIVERED);
        assertThat(ggz.held()).isOne();
        assertThat(status(toGgz)).isEqualTo(Status.PENDING);
        assertThat(attempts(toGgz)).isZero();
    }

    @Test
    void anEndpointThatDoesNotAnswerWithinTheTimeoutIsAFailedAttempt() throws IOException {
        PartnerEndpoint ggz = ggzOverHttp();
        ggz.hang();
        String id = enqueue(GGZ, "youth-noor", "into the void");

        startDelivering(Duration.ofMillis(200));

        await().atMost(PATIENCE).until(() -> attempts(id) >= 1);
        assertThat(lastError(id)).isEqualTo("HttpTimeoutException reaching 127.0.0.1");
    }

    @Test
    void aFilePartnerGetsTheRenderedBodyAsAFileWrittenAtomically() throws IOException {
        Path outbound = folder.resolve("mee-out");
        partners.configured(filePartner(MEE, outbound));
        RecordingAdapter adapter = RecordingAdapter.withTargets(MEE,
                notification -> List.of("notificatie_" + notification.id() + ".csv"));
        adapters.arrived(adapter);
        String id = enqueue(MEE, "youth-noor", "for the MEE file drop");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(filesIn(outbound)).containsExactly("notificatie_" + id + ".csv");
        assertThat(Files.readString(outbound.resolve("notificatie_" + id + ".csv"), StandardCharsets.UTF_8))
                .isEqualTo(RecordingAdapter.bodyOf(adapter.rendered().get(0)));
    }

    @Test
    void aFileWithoutATargetIsNamedAfterTheNotification() throws IOException {
        Path outbound = folder.resolve("mee-out");
        partners.configured(filePartner(MEE, outbound));
        adapters.arrived(RecordingAdapter.forPartner(MEE));
        String id = enqueue(MEE, "youth-noor", "for the MEE file drop");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(filesIn(outbound)).containsExactly("notificatie_" + id);
    }

    @Test
    void messagesWithoutATargetAreFilesNamedAfterTheirOwnKeys() throws IOException {
        Path outbound = folder.resolve("mee-out");

        String id = deliverToMeeAsFiles(outbound, "", "");

        await().atMost(PATIENCE).until(() -> status(id) == Status.DELIVERED);
        assertThat(filesIn(outbound)).containsExactly("notificatie_" + id, "notificatie_" + id + "-2");
    }

    @Test
    void anAdapterNamingOneFileTwiceIsAFailureAndNothingIsWritten() throws IOException {
        Path outbound = folder.resolve("mee-out");

        String id = deliverToMeeAsFiles(outbound, "same.csv", "same.csv");

        await().atMost(PATIENCE).until(() -> attempts(id) >= 1);
        assertThat(lastError(id)).isEqualTo("the adapter named one file twice");
        assertThat(Files.exists(outbound) ? filesIn(outbound) : List.<String>of()).isEmpty();
    }

    @Test
    void aFileNameOutsideTheOutboundDirectoryIsAFailureAndNothingIsWritten() throws IOException {
        Path outbound = folder.resolve("mee-out");

        String id = deliverToMeeAsFiles(outbound, "../escaped.csv");

        await().atMost(PATIENCE).until(() -> attempts(id) >= 1);
        assertThat(lastError(id)).isEqualTo("the adapter named an unsafe file");
        assertThat(folder.resolve("escaped.csv")).doesNotExist();
        assertThat(Files.exists(outbound) ? filesIn(outbound) : List.<String>of()).isEmpty();
    }

    @Test
    void anAdapterThatThrowsWhileRenderingIsAFailedAttemptAndTheOtherNotificationsGoOut() throws IOException {
        PartnerEndpoint ggz = endpoint();
        partners.configured(httpPartner(GGZ, ggz));
        RecordingAdapter adapter = RecordingAdapter.forPartner(GGZ);
        adapter.breakOn(notification -> notification.summary().equals("hard to render"));
        adapters.arrived(adapter);
        String unrenderable = enqueue(GGZ, "youth-noor", "hard to render");
        String renderable = enqueue(GGZ, "youth-lia", "easy to render");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(unrenderable) == Status.DEAD
                && status(renderable) == Status.DELIVERED);
        assertThat(attempts(unrenderable)).isEqualTo(QUICK_RETRY.maxAttempts());
        assertThat(lastError(unrenderable)).isEqualTo("the adapter failed to render: IllegalStateException");
        assertThat(ggz.received()).extracting(Received::idempotencyKey).containsExactly(renderable);
    }

    @Test
    void anOutboundUrlThatIsNoHttpUrlIsAFailedAttemptThatTheOverviewShows() {
        partners.configured(new PartnerSettings(GGZ, "", "localhost:8080/fhir", "", true, QUICK_RETRY));
        adapters.arrived(RecordingAdapter.forPartner(GGZ));
        String id = enqueue(GGZ, "youth-noor", "to a misconfigured partner");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(id) == Status.DEAD);
        assertThat(lastError(id)).isEqualTo("the outboundUrl is not a valid URL");
        assertThat(overviewOf(GGZ).lastError()).isEqualTo("the outboundUrl is not a valid URL");
    }

    @Test
    void aNotificationThatCannotBeBuiltIsAFailedAttemptAndHoldsUpNoOtherYouth() throws IOException {
        PartnerEndpoint ggz = ggzOverHttp();
        // an agreement notification whose agreement cannot be found cannot be built
        String broken = transactions.run(store -> notifier.enqueue(store, GGZ, Notification.Kind.AGREEMENT,
                "case-1", "youth-noor", "an agreement GGZ owns", UUID.randomUUID().toString(), clock.instant()));
        String fine = enqueue(GGZ, "youth-lia", "about another youth");

        startDelivering(NO_TIMEOUT_IN_SIGHT);

        await().atMost(PATIENCE).until(() -> status(fine) == Status.DELIVERED);
        await().atMost(PATIENCE).until(() -> attempts(broken) >= 1);
        assertThat(status(broken)).isNotEqualTo(Status.DELIVERED);
    }

    private void startDelivering(Duration httpTimeout) {
        deliveries = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        OutboxDispatcher dispatcher = new OutboxDispatcher(transactions, adapters, partners, httpTimeout, clock,
                deliveries);
        adapters.onArrival(partnerId -> dispatcher.drive());
        outboxClock = Executors.newSingleThreadScheduledExecutor();
        outboxClock.scheduleWithFixedDelay(() -> {
            dispatcher.drive();
            rounds.incrementAndGet();
        }, 0, 5, TimeUnit.MILLISECONDS);
    }

    /**
     * MEE as a file partner writing to {@code outbound}, whose adapter renders each
     * notification as one message per target given; one notification enqueued, and delivery
     * started. Returns the notification's id.
     */
    private String deliverToMeeAsFiles(Path outbound, String... targets) {
        partners.configured(filePartner(MEE, outbound));
        adapters.arrived(RecordingAdapter.withTargets(MEE, notification -> List.of(targets)));
        String id = enqueue(MEE, "youth-noor", "for the MEE file drop");
        startDelivering(NO_TIMEOUT_IN_SIGHT);
        return id;
    }

    /** Waits until the dispatcher looked at the outbox a few more times and finished what it started. */
    private void severalRoundsPass() {
        long seen = rounds.get();
        await().atMost(PATIENCE).until(() -> rounds.get() >= seen + 3 && deliveries.getActiveCount() == 0
                && deliveries.getQueue().isEmpty());
    }

    /** GGZ with its adapter present and an endpoint configured, answering 200 until told otherwise. */
    private PartnerEndpoint ggzOverHttp() throws IOException {
        PartnerEndpoint ggz = endpoint();
        partners.configured(httpPartner(GGZ, ggz));
        adapters.arrived(RecordingAdapter.forPartner(GGZ));
        return ggz;
    }

    private PartnerEndpoint endpoint() throws IOException {
        PartnerEndpoint endpoint = PartnerEndpoint.start();
        endpoints.add(endpoint);
        return endpoint;
    }

    private static PartnerSettings httpPartner(String partnerId, PartnerEndpoint endpoint) {
        return new PartnerSettings(partnerId, "", endpoint.url(), "", true, QUICK_RETRY);
    }

    private static PartnerSettings filePartner(String partnerId, Path directory) {
        return new PartnerSettings(partnerId, "", "", directory.toString(), true, QUICK_RETRY);
    }

    private String enqueue(String partnerId, String youthId, String summary) {
        return transactions.run(store -> notifier.enqueue(store, partnerId, Notification.Kind.MATCH, "case-of-"
                + youthId, youthId, summary, null, clock.instant()));
    }

    private EventApplier applier() {
        KeyRing keys = KeyRing.generate();
        return new EventApplier(new YouthMatcher(new Pseudonymizer(keys), new Cipher(keys)), clock, notifier);
    }

    private static PartnerEvent signal(YouthIdentity youth, String reference) {
        return new PartnerEvent.SignalReported(youth, new Signal(reference, SignalCategory.RUNAWAY, Urgency.NORMAL,
                "ran away from home", LocalDate.of(2024, 3, 4)));
    }

    private static Status status(String notificationId) {
        return Status.valueOf((String) DATABASE.single("SELECT status FROM outbox WHERE notification_id = ?",
                notificationId));
    }

    private static int attempts(String notificationId) {
        return ((Number) DATABASE.single("SELECT attempts FROM outbox WHERE notification_id = ?", notificationId))
                .intValue();
    }

    private static String lastError(String notificationId) {
        return (String) DATABASE.single("SELECT last_error FROM outbox WHERE notification_id = ?", notificationId);
    }

    private List<OutboxEntry> deadLetters(String partnerId) {
        return transactions.run(store -> store.outbox().deadLetters(partnerId));
    }

    private PartnerState overviewOf(String partnerId) {
        return new PartnerOverview(transactions, adapters, partners).all().stream()
                .filter(state -> state.partnerId().equals(partnerId)).findFirst().orElseThrow();
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
