package nl.zorgtafel.core.internal.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.store.Store.InboxStatus;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The durable inbox with its processor, wired as the core wires them, on a real database
 * and a real worker thread, with a test partner that speaks a tiny text format.
 */
class InboxTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final String PARTNER = "horizon";
    private static final Instant MONDAY_MORNING = Instant.parse("2024-03-04T09:00:00Z");
    private static final String NOOR = TestBsns.digits("999990019");
    private static final Duration PROCESSING = Duration.ofSeconds(10);

    private final KeyRing keys = KeyRing.generate();
    private final Cipher cipher = new Cipher(keys);
    private final AdapterRegistry adapters = new AdapterRegistry();
    private final TextAdapter adapter = new TextAdapter(PARTNER);
    private ScheduledExecutorService worker;
    private Inbox inbox;
    private final List<Receipt> appliedUnanswered = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void wireTheInboxAsTheCoreDoes() {
        worker = Executors.newSingleThreadScheduledExecutor();
        Clock clock = Clock.fixed(MONDAY_MORNING, ZoneId.of("Europe/Amsterdam"));
        EventApplier applier = new EventApplier(new YouthMatcher(new Pseudonymizer(keys), cipher), clock);
        InboxProcessor processor = new InboxProcessor(DATABASE.transactions(), cipher, adapters, applier, clock,
                worker);
        inbox = new Inbox(DATABASE.transactions(), cipher, adapters, processor, clock, Duration.ofSeconds(30),
                worker);
        processor.onAppliedUnanswered((store, applied) -> applied.forEach(message ->
                appliedUnanswered.add(message.receipt())));
        adapters.onArrival(partnerId -> processor.drive());
        adapters.onDeparture(processor::adapterLeft);
    }

    @AfterEach
    void stopTheWorker() throws InterruptedException {
        worker.shutdown();
        assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withItsAdapterPresentAMessageIsProcessedAndAnsweredWithItsCase() {
        adapters.arrived(adapter);

        Receipt receipt = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen at the station")), null);

        assertThat(receipt.status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(receipt.messageId()).isEqualTo("H-1");
        assertThat(receipt.caseIds()).singleElement().isEqualTo(DATABASE.single("SELECT id FROM care_case"));
    }

    @Test
    void withoutItsAdapterAMessageIsPendingAtOnceAndNothingIsApplied() {
        Receipt receipt = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen at the station")), null);

        assertThat(receipt.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(receipt.caseIds()).isEmpty();
        assertThat(DATABASE.single("SELECT status FROM inbox")).isEqualTo("PENDING");
        assertThat(DATABASE.rowsIn("care_case")).isZero();
        assertThat(adapter.translatedIds()).isEmpty();
    }

    @Test
    void whenTheAdapterArrivesThePendingMessagesAreProcessedInArrivalOrder() {
        List<Receipt> pending = List.of(
                inbox.receive(message("id;H-1", signalAboutNoor("S-1", "first sighting")), null),
                inbox.receive(message("id;H-2", signalAboutNoor("S-1", "second sighting")), null),
                inbox.receive(message("id;H-3", signalAboutNoor("S-1", "third sighting")), null));

        adapters.arrived(adapter);

        await().atMost(PROCESSING).untilAsserted(() -> assertThat(pending)
                .allSatisfy(receipt -> assertThat(statusOf(receipt)).isEqualTo(InboxStatus.PROCESSED)));
        assertThat(adapter.translatedIds()).containsExactly("H-1", "H-2", "H-3");
        assertThat(DATABASE.single("SELECT summary FROM case_signal")).isEqualTo("third sighting");
    }

    @Test
    void aMessageAnsweredAsPendingIsReportedWhenItIsAppliedSoItsEffectCanBeAudited() {
        adapters.arrived(adapter);
        Receipt answered = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen at the station")), null);
        adapters.departed(adapter);
        Receipt pending = inbox.receive(message("id;H-2", signalAboutNoor("S-1", "seen again")), null);

        adapters.arrived(adapter);

        await().atMost(PROCESSING).until(() -> statusOf(pending) == InboxStatus.PROCESSED);
        assertThat(answered.status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(appliedUnanswered).singleElement().satisfies(applied -> {
            assertThat(applied.messageId()).isEqualTo("H-2");
            assertThat(applied.status()).isEqualTo(InboxStatus.PROCESSED);
            assertThat(applied.caseIds()).isEqualTo(answered.caseIds());
        });
    }

    @Test
    void theSameMessageIdAgainGetsTheFirstOutcomeAndHasNoSecondEffect() {
        adapters.arrived(adapter);
        Receipt first = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen at the station")), null);

        Receipt again = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "changed on the way")), null);

        assertThat(again).isEqualTo(first);
        assertThat(DATABASE.rowsIn("inbox")).isOne();
        assertThat(DATABASE.single("SELECT summary FROM case_signal")).isEqualTo("seen at the station");
        assertThat(adapter.translatedIds()).containsExactly("H-1");
    }

    @Test
    void aRepeatWhileTheAdapterIsAbsentIsStoredOnce() {
        InboundMessage message = message("id;H-1", signalAboutNoor("S-1", "seen at the station"));
        Receipt first = inbox.receive(message, null);

        Receipt again = inbox.receive(message, null);

        assertThat(again).isEqualTo(first);
        assertThat(DATABASE.rowsIn("inbox")).isOne();
    }

    @Test
    void aMessageReceivedWithoutAdapterHasAProvisionalKeyUntilItsFormatIdIsRead() {
        InboundMessage message = message("id;H-7", signalAboutNoor("S-1", "seen at the station"));

        Receipt receipt = inbox.receive(message, null);
        assertThat(receipt.messageId()).isEqualTo("sha256:" + sha256(message.body()));
        adapters.arrived(adapter);

        await().atMost(PROCESSING).until(() -> statusOf(receipt) == InboxStatus.PROCESSED);
        assertThat(DATABASE.single("SELECT message_key FROM inbox")).isEqualTo("H-7");
        assertThat(inbox.status(PARTNER, "H-7")).map(Receipt::status).contains(InboxStatus.PROCESSED);
    }

    @Test
    void aSecondCopyOfARekeyedMessageIsADuplicateWithNoEffect() {
        InboundMessage message = message("id;H-7", signalAboutNoor("S-1", "seen at the station"));
        Receipt first = inbox.receive(message, null);
        adapters.arrived(adapter);
        await().atMost(PROCESSING).until(() -> statusOf(first) == InboxStatus.PROCESSED);
        adapters.departed(adapter);

        Receipt copy = inbox.receive(message, null);
        adapters.arrived(adapter);

        await().atMost(PROCESSING).until(() -> statusOf(copy) == InboxStatus.PROCESSED);
        assertThat(DATABASE.count("SELECT COUNT(*) FROM inbox WHERE duplicate_of IS NOT NULL")).isOne();
        assertThat(DATABASE.rowsIn("case_signal")).isOne();
        assertThat(adapter.translatedIds()).containsExactly("H-7");
        assertThat(inbox.status(PARTNER, copy.messageId()).orElseThrow().caseIds())
                .isEqualTo(inbox.status(PARTNER, "H-7").orElseThrow().caseIds());
    }

    @Test
    void aCopyArrivingWhileTheAdapterIsPresentIsKnownByItsFormatId() {
        InboundMessage message = message("id;H-7", signalAboutNoor("S-1", "seen at the station"));
        Receipt first = inbox.receive(message, null);
        adapters.arrived(adapter);
        await().atMost(PROCESSING).until(() -> statusOf(first) == InboxStatus.PROCESSED);

        Receipt copy = inbox.receive(message, null);

        assertThat(copy.messageId()).isEqualTo("H-7");
        assertThat(copy.status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(DATABASE.rowsIn("inbox")).isOne();
        assertThat(adapter.translatedIds()).containsExactly("H-7");
    }

    @Test
    void anIdempotencyKeyTakesPrecedenceOverTheFormatsId() {
        adapters.arrived(adapter);
        Receipt first = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen at the station")), "retry-42");

        Receipt sameKey = inbox.receive(message("id;H-2", signalAboutNoor("S-2", "another message")), "retry-42");

        assertThat(first.messageId()).isEqualTo("retry-42");
        assertThat(sameKey).isEqualTo(first);
        assertThat(DATABASE.single("SELECT message_key FROM inbox")).isEqualTo("retry-42");
        assertThat(DATABASE.rowsIn("case_signal")).isOne();
    }

    @Test
    void anIdempotencyKeyIsKeptWhenTheAdapterArrivesLater() {
        Receipt receipt = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen")), "retry-42");
        adapters.arrived(adapter);

        await().atMost(PROCESSING).until(() -> statusOf(receipt) == InboxStatus.PROCESSED);
        assertThat(DATABASE.single("SELECT message_key FROM inbox")).isEqualTo("retry-42");
    }

    @Test
    void aRejectedMessageRecordsEveryFaultAndAppliesNothing() throws IOException {
        adapters.arrived(adapter);

        Receipt receipt = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "a good line"), "sighting;at night",
                "signal;S-2;;Zondernummer;last tuesday;a bad date"), null);

        assertThat(receipt.status()).isEqualTo(InboxStatus.REJECTED);
        assertThat(receipt.caseIds()).isEmpty();
        assertThat(faultLocations(receipt)).containsExactly("line 3", "line 4, field observed on");
        assertThat(DATABASE.rowsIn("youth")).isZero();
        assertThat(DATABASE.rowsIn("care_case")).isZero();
        assertThat(DATABASE.rowsIn("case_signal")).isZero();
        assertThat(inbox.status(PARTNER, "H-1")).contains(receipt);
    }

    @Test
    void anAdapterThatThrowsGetsItsMessageRejectedAndLaterMessagesStillFlow() throws IOException {
        Receipt broken = inbox.receive(message("id;H-1", "crash"), null);
        Receipt fine = inbox.receive(message("id;H-2", signalAboutNoor("S-1", "seen at the station")), null);

        adapters.arrived(adapter);

        await().atMost(PROCESSING).until(() -> statusOf(fine) == InboxStatus.PROCESSED);
        Receipt brokenNow = inbox.status(PARTNER, broken.messageId()).orElseThrow();
        assertThat(brokenNow.status()).isEqualTo(InboxStatus.REJECTED);
        assertThat(faultLocations(brokenNow)).containsExactly("message");
        assertThat(inbox.receive(message("id;H-3", signalAboutNoor("S-2", "seen again")), null).status())
                .isEqualTo(InboxStatus.PROCESSED);
    }

    @Test
    void aMessageTheStoreCannotHoldIsRejectedAndLaterMessagesStillFlow() throws IOException {
        Receipt tooLong = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "x".repeat(5000))), null);
        Receipt fine = inbox.receive(message("id;H-2", signalAboutNoor("S-2", "seen at the station")), null);

        adapters.arrived(adapter);

        await().atMost(PROCESSING).until(() -> statusOf(fine) == InboxStatus.PROCESSED);
        Receipt rejected = inbox.status(PARTNER, tooLong.messageId()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(InboxStatus.REJECTED);
        assertThat(faultLocations(rejected)).containsExactly("message");
        assertThat(DATABASE.column("SELECT reference FROM case_signal")).containsExactly("S-2");
    }

    @Test
    void aMessageThatCannotBeReadHoldsOnlyItsOwnPartnerUntilItCanBe() {
        TextAdapter mee = new TextAdapter("mee");
        Receipt unreadable = inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen at the station")), null);
        Receipt behindIt = inbox.receive(message("id;H-2", signalAboutNoor("S-2", "seen again")), null);
        Receipt otherPartner = inbox.receive(new InboundMessage("mee", TextAdapter.MEDIA_TYPE, StandardCharsets.UTF_8,
                ("id;M-1\n" + signalAboutNoor("M-S-1", "told by MEE")).getBytes(StandardCharsets.UTF_8)), null);
        String key = unreadable.messageId();
        byte[] intact = (byte[]) DATABASE.single("SELECT body FROM inbox WHERE message_key = ?", key);
        // as after a wrong key file: the body no longer decrypts
        DATABASE.update("UPDATE inbox SET body = ? WHERE message_key = ?", "1:not a sealed body".getBytes(
                StandardCharsets.US_ASCII), key);

        adapters.arrived(adapter);
        adapters.arrived(mee);

        await().atMost(PROCESSING).until(() -> inbox.status("mee", otherPartner.messageId()).orElseThrow().status()
                == InboxStatus.PROCESSED);
        assertThat(statusOf(unreadable)).isEqualTo(InboxStatus.PENDING);
        assertThat(statusOf(behindIt)).isEqualTo(InboxStatus.PENDING);

        DATABASE.update("UPDATE inbox SET body = ? WHERE message_key = ?", intact, key);

        await().atMost(PROCESSING).until(() -> statusOf(behindIt) == InboxStatus.PROCESSED);
        assertThat(statusOf(unreadable)).isEqualTo(InboxStatus.PROCESSED);
        assertThat(adapter.translatedIds()).containsExactly("H-1", "H-2");
    }

    @Test
    void aRequestWaitingWhenItsAdapterLeavesIsAnsweredPendingAtOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        OrderRecordingAdapter held = new OrderRecordingAdapter(PARTNER, new CopyOnWriteArrayList<>(), gate);
        adapters.arrived(held);
        CompletableFuture<Receipt> answer = CompletableFuture.supplyAsync(
                () -> inbox.receive(message("id;H-1", signalAboutNoor("S-1", "seen at the station")), null));
        await().atMost(PROCESSING).until(() -> DATABASE.rowsIn("inbox") == 1);

        try {
            adapters.departed(held);

            assertThat(answer.get(PROCESSING.toMillis(), TimeUnit.MILLISECONDS).status())
                    .isEqualTo(InboxStatus.PENDING);
        } finally {
            gate.countDown();
        }
    }

    @Test
    void onePartnersBacklogDoesNotHoldUpAnotherPartnersNewMessage() {
        List<String> translations = new CopyOnWriteArrayList<>();
        CountDownLatch open = new CountDownLatch(0);
        for (int i = 1; i <= 60; i++) {
            inbox.receive(message("id;H-" + i, signalAboutNoor("S-" + i, "sighting " + i)), null);
        }
        inbox.receive(new InboundMessage("mee", TextAdapter.MEDIA_TYPE, StandardCharsets.UTF_8,
                ("id;M-1\n" + signalAboutNoor("M-S-1", "told by MEE")).getBytes(StandardCharsets.UTF_8)), null);

        adapters.arrived(new OrderRecordingAdapter("mee", translations, open));
        adapters.arrived(new OrderRecordingAdapter(PARTNER, translations, open));

        await().atMost(PROCESSING).until(() -> translations.size() == 61);
        assertThat(translations.indexOf("mee")).isLessThan(30);
    }

    @Test
    void rawBodiesAreStoredEncrypted() {
        InboundMessage message = message("id;H-1", signalAboutNoor("S-1", "seen at the station"));

        inbox.receive(message, null);

        byte[] stored = (byte[]) DATABASE.single("SELECT body FROM inbox");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(NOOR).doesNotContain("Testdal");
        assertThat(cipher.decrypt(stored)).isEqualTo(message.body());
    }

    @Test
    void anUnknownMessageIdHasNoStatus() {
        assertThat(inbox.status(PARTNER, "H-404")).isEmpty();
        assertThat(inbox.status(PARTNER, "sha256:" + sha256(new byte[0]))).isEmpty();
    }

    // ---- helpers ----

    private InboxStatus statusOf(Receipt receipt) {
        return inbox.status(PARTNER, receipt.messageId()).orElseThrow().status();
    }

    private static String signalAboutNoor(String reference, String summary) {
        return "signal;" + reference + ";" + NOOR + ";Testdal;2024-03-01;" + summary;
    }

    private static InboundMessage message(String... lines) {
        return new InboundMessage(PARTNER, TextAdapter.MEDIA_TYPE, StandardCharsets.UTF_8,
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> faultLocations(Receipt receipt) throws IOException {
        JsonNode detail = new ObjectMapper().readTree(receipt.detailJson());
        return detail.path("faults").findValuesAsText("location");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
