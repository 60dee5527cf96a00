package nl.zorgtafel.core.internal.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The file drop {@code data/inbox/<partner>/}, on a real folder, inbox and database. */
class FolderInboxTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final String PARTNER = "mee";
    private static final String NOOR = TestBsns.digits("999990019");

    @TempDir
    Path root;

    private final KeyRing keys = KeyRing.generate();
    private final Cipher cipher = new Cipher(keys);
    private final AdapterRegistry adapters = new AdapterRegistry();
    private final TextAdapter adapter = new TextAdapter(PARTNER);
    private ScheduledExecutorService worker;
    private Inbox inbox;
    private Clock clock;
    private FolderInbox folderInbox;
    private Path drop;

    @BeforeEach
    void wireAsTheCoreDoes() throws IOException {
        worker = Executors.newSingleThreadScheduledExecutor();
        clock = Clock.fixed(Instant.parse("2024-03-04T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        EventApplier applier = new EventApplier(new YouthMatcher(new Pseudonymizer(keys), cipher), clock);
        InboxProcessor processor = new InboxProcessor(DATABASE.transactions(), cipher, adapters, applier, clock,
                worker);
        inbox = new Inbox(DATABASE.transactions(), cipher, adapters, processor, clock, Duration.ofSeconds(30),
                worker);
        adapters.onArrival(partnerId -> processor.drive());
        adapters.arrived(adapter);
        folderInbox = new FolderInbox(root, inbox, () -> Set.of(PARTNER), clock);
        drop = Files.createDirectories(root.resolve(PARTNER));
    }

    @AfterEach
    void stopTheWorker() throws InterruptedException {
        worker.shutdown();
        assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFileThatStoodStillForAWholeScanIsReceivedAndItsClearCopyRemoved() throws IOException {
        Files.writeString(drop.resolve("export.txt"), "id;M-1\n" + signal("S-1"));

        folderInbox.scan();
        assertThat(DATABASE.rowsIn("inbox")).as("first sight: it may still be written").isZero();
        folderInbox.scan();

        assertThat(DATABASE.rowsIn("inbox")).isOne();
        assertThat(DATABASE.rowsIn("case_signal")).isOne();
        assertThat(filesUnder(drop)).noneMatch(file -> file.getFileName().toString().endsWith(".txt"));
        JsonNode receipt = onlyReceiptIn(drop.resolve("processed"));
        assertThat(receipt.path("file").asText()).isEqualTo("export.txt");
        assertThat(receipt.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(receipt.path("messageId").asText()).isEqualTo("M-1");
    }

    @Test
    void aFileThatIsStillGrowingIsNotTaken() throws IOException {
        Path file = drop.resolve("export.txt");
        Files.writeString(file, "id;M-1\n");
        folderInbox.scan();
        Files.writeString(file, "id;M-1\n" + signal("S-1"));

        folderInbox.scan();

        assertThat(DATABASE.rowsIn("inbox")).isZero();
        assertThat(file).exists();
    }

    @Test
    void temporaryAndHiddenNamesAreLeftAlone() throws IOException {
        Files.writeString(drop.resolve("export.tmp"), signal("S-1"));
        Files.writeString(drop.resolve("export.part"), signal("S-2"));
        Files.writeString(drop.resolve(".export.txt"), signal("S-3"));

        folderInbox.scan();
        folderInbox.scan();

        assertThat(DATABASE.rowsIn("inbox")).isZero();
    }

    @Test
    void aFileOverThePartnersLimitIsRefusedUnreadAndRemovedWithAReceipt() throws IOException {
        String content = "id;M-7\n" + signal("S-7");
        FolderInbox limited = new FolderInbox(root, inbox, () -> Set.of(PARTNER), clock,
                partnerId -> content.length() - 1);
        Files.writeString(drop.resolve("large.txt"), content);

        limited.scan();
        limited.scan();

        assertThat(DATABASE.rowsIn("inbox")).isZero();
        assertThat(filesUnder(drop)).noneMatch(file -> file.getFileName().toString().endsWith(".txt"));
        JsonNode receipt = onlyReceiptIn(drop.resolve("rejected"));
        assertThat(receipt.path("file").asText()).isEqualTo("large.txt");
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("detail").path("faults").get(0).path("problem").asText())
                .isEqualTo("larger than " + (content.length() - 1) + " bytes, the most this partner may send");
    }

    @Test
    void aFileOfExactlyTheLimitIsReceived() throws IOException {
        String content = "id;M-8\n" + signal("S-8");
        FolderInbox limited = new FolderInbox(root, inbox, () -> Set.of(PARTNER), clock,
                partnerId -> content.length());
        Files.writeString(drop.resolve("export.txt"), content);

        limited.scan();
        limited.scan();

        assertThat(DATABASE.rowsIn("inbox")).isOne();
    }

    @Test
    void aRejectedFileLeavesAReceiptNamingItsFaults() throws IOException {
        Files.writeString(drop.resolve("broken.txt"), "id;M-9\nnonsense");

        folderInbox.scan();
        folderInbox.scan();

        JsonNode receipt = onlyReceiptIn(drop.resolve("rejected"));
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("detail").path("faults")).isNotEmpty();
        assertThat(DATABASE.rowsIn("case_signal")).isZero();
    }

    @Test
    void theSameFileDroppedTwiceHasNoSecondEffect() throws IOException {
        String body = "id;M-1\n" + signal("S-1");
        Files.writeString(drop.resolve("monday.txt"), body);
        folderInbox.scan();
        folderInbox.scan();
        Files.writeString(drop.resolve("monday-again.txt"), body);

        folderInbox.scan();
        folderInbox.scan();

        assertThat(DATABASE.rowsIn("inbox")).isOne();
        assertThat(DATABASE.rowsIn("case_signal")).isOne();
    }

    @Test
    void aFileACrashLeftHalfwayIsReceivedAtStart() throws IOException {
        Path processing = Files.createDirectories(drop.resolve("processing"));
        Files.writeString(processing.resolve("20240304T090000-export.txt"), "id;M-1\n" + signal("S-1"));

        folderInbox.recover();

        assertThat(DATABASE.rowsIn("case_signal")).isOne();
        assertThat(filesUnder(processing)).isEmpty();
    }

    @Test
    void aFileDroppedWhileTheAdapterIsAbsentHasAPendingReceipt() throws IOException {
        adapters.departed(adapter);

        dropAndTake("export.txt", "id;M-1\n" + signal("S-1"));

        JsonNode receipt = onlyReceiptIn(drop.resolve("pending"));
        assertThat(receipt.path("file").asText()).isEqualTo("export.txt");
        assertThat(receipt.path("status").asText()).isEqualTo("PENDING");
        assertThat(receipt.path("messageId").asText()).startsWith("sha256:");
        folderInbox.scan();
        assertThat(receiptsIn(drop.resolve("pending"))).hasSize(1);
        assertThat(drop.resolve("processed")).doesNotExist();
    }

    @Test
    void thePendingReceiptTellsTheOutcomeOnceTheMessageIsApplied() throws IOException {
        JsonNode receipt = receiptOnceTheAdapterIsBack("export.txt", "id;M-1\n" + signal("S-1"), "processed");

        assertThat(receipt.path("file").asText()).isEqualTo("export.txt");
        assertThat(receipt.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(receipt.path("messageId").asText()).isEqualTo("M-1");
        assertThat(receipt.path("caseIds")).extracting(JsonNode::asText)
                .containsExactly((String) DATABASE.single("SELECT id FROM care_case"));
    }

    @Test
    void thePendingReceiptOfARejectedMessageNamesItsFaults() throws IOException {
        JsonNode receipt = receiptOnceTheAdapterIsBack("broken.txt", "id;M-9\nnonsense", "rejected");

        assertThat(receipt.path("file").asText()).isEqualTo("broken.txt");
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("detail").path("faults")).isNotEmpty();
    }

    @Test
    void aPendingReceiptIsSettledAfterARestartToo() throws IOException {
        adapters.departed(adapter);
        dropAndTake("export.txt", "id;M-1\n" + signal("S-1"));
        adapters.arrived(adapter);
        awaitNoMessagePending();

        FolderInbox afterRestart = new FolderInbox(root, inbox, () -> Set.of(PARTNER), clock);
        afterRestart.scan();

        assertThat(receiptsIn(drop.resolve("pending"))).isEmpty();
        assertThat(onlyReceiptIn(drop.resolve("processed")).path("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void aFileIsReadAsUtf8WhenItIsAndAsWindows1252Otherwise() {
        assertThat(FolderInbox.charsetOf("Zoë".getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FolderInbox.charsetOf("Zoë".getBytes(Charset.forName("windows-1252"))))
                .isEqualTo(Charset.forName("windows-1252"));
        assertThat(FolderInbox.mediaTypeOf("EXPORT.CSV")).isEqualTo("text/csv");
    }

    /** The partner drops a file, and the folder inbox takes it: it stood still for a whole scan. */
    private void dropAndTake(String name, String body) throws IOException {
        Files.writeString(drop.resolve(name), body);
        folderInbox.scan();
        folderInbox.scan();
    }

    /**
     * A file dropped while the adapter is absent, the adapter back and the message handled,
     * one more scan: the one receipt in the folder of {@code outcome}, none left pending.
     */
    private JsonNode receiptOnceTheAdapterIsBack(String name, String body, String outcome) throws IOException {
        adapters.departed(adapter);
        dropAndTake(name, body);
        adapters.arrived(adapter);
        awaitNoMessagePending();

        folderInbox.scan();

        assertThat(receiptsIn(drop.resolve("pending"))).isEmpty();
        return onlyReceiptIn(drop.resolve(outcome));
    }

    private static void awaitNoMessagePending() {
        await().atMost(Duration.ofSeconds(10)).until(() -> DATABASE.column(
                "SELECT seq FROM inbox WHERE status = 'PENDING'").isEmpty());
    }

    private static java.util.List<Path> receiptsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".receipt.json")).toList();
        }
    }

    private static String signal(String reference) {
        return "signal;" + reference + ";" + NOOR + ";Testdal;2024-03-01;missed school again";
    }

    private static JsonNode onlyReceiptIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Path receipt = files.filter(file -> file.toString().endsWith(".receipt.json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(receipt.toFile());
        }
    }

    private static java.util.List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
