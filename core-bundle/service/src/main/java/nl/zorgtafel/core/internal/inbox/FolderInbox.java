package nl.zorgtafel.core.internal.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.core.internal.store.Store.InboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file drop of partners that exchange files: a message put in
 * {@code data/inbox/<partnerId>/} is received exactly as if the partner had POSTed it.
 *
 * <p>A file is taken only once it has stood still (same size and time) for one whole scan,
 * so a file still being written is never half-read; names starting with a dot or ending in
 * {@code .tmp} or {@code .part} are left alone (write to one of those, then rename). A
 * taken file is first moved aside into {@code processing/}, so it is never taken twice;
 * once the inbox holds it (encrypted) the clear copy is removed and a receipt
 * {@code processed/<name>.receipt.json} or {@code rejected/<name>.receipt.json} says what
 * came of it. A crash between the two is harmless: the file is taken again at start and,
 * being the same body, has no second effect.
 *
 * <p>A message that is still pending (its adapter absent, or slower than the inbox waits)
 * gets its receipt in {@code pending/}. Each scan asks the inbox where the messages of those
 * receipts stand, and once one is applied or rejected its receipt moves to
 * {@code processed/} or {@code rejected/}, telling the outcome as a receipt written at once
 * would. The receipts on disk are all there is to remember, so this holds across a restart.
 */
public final class FolderInbox {

    private static final Logger LOG = LoggerFactory.getLogger(FolderInbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String PENDING = "pending";
    private static final String RECEIPT = ".receipt.json";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "csv", "text/csv", "json", "application/json", "xml", "application/xml");

    private final Path root;
    private final Inbox inbox;
    private final Supplier<Set<String>> partners;
    private final ToLongFunction<String> limit;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Path, Sighting> lastSeen = new HashMap<>();
    private volatile java.util.function.BiConsumer<String, Receipt> onReceived = (partnerId, receipt) -> { };

    /**
     * @param root the folder that holds one folder per partner ({@code data/inbox})
     * @param partners the partners configured now; only their folders are read
     */
    public FolderInbox(Path root, Inbox inbox, Supplier<Set<String>> partners, Clock clock) {
        this(root, inbox, partners, clock, partnerId -> Inbox.CAPACITY_BYTES);
    }

    /** @param limit the largest file each partner may drop, in bytes (as its HTTP messages) */
    public FolderInbox(Path root, Inbox inbox, Supplier<Set<String>> partners, Clock clock,
                       ToLongFunction<String> limit) {
        this.limit = limit;
        this.root = root;
        this.inbox = inbox;
        this.partners = partners;
        this.clock = clock;
    }

    private record Sighting(long size, FileTime modified) {
    }

    /** Told each file received, with its partner and receipt: the audit trail records it. */
    public void onReceived(java.util.function.BiConsumer<String, Receipt> listener) {
        this.onReceived = listener;
    }

    /**
     * One look at every partner's folder: takes each file that has stood still since the last
     * look, and settles the receipts of pending messages that have an outcome now.
     */
    public void scan() {
        for (String partnerId : partners.get()) {
            Path folder = root.resolve(partnerId);
            try {
                Files.createDirectories(folder);
                scanFolder(partnerId, folder);
                settlePending(partnerId, folder);
            } catch (IOException e) {
                LOG.warn("Cannot read the inbox folder of partner {}: {}", partnerId, e.getClass().getSimpleName());
            }
        }
    }

    /** Takes back files a crash left in {@code processing/}; they had no effect yet or are repeats. */
    public void recover() {
        for (String partnerId : partners.get()) {
            Path processing = root.resolve(partnerId).resolve("processing");
            if (!Files.isDirectory(processing)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(processing, Files::isRegularFile)) {
                for (Path file : files) {
                    receive(partnerId, file, file.getFileName().toString());
                }
            } catch (IOException e) {
                LOG.warn("Cannot recover the inbox folder of partner {}: {}", partnerId, e.getClass().getSimpleName());
            }
        }
    }

    private void scanFolder(String partnerId, Path folder) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, FolderInbox::isCandidate)) {
            for (Path file : files) {
                Sighting now = new Sighting(Files.size(file), Files.getLastModifiedTime(file));
                Sighting before = lastSeen.put(file, now);
                if (now.equals(before)) {
                    lastSeen.remove(file);
                    take(partnerId, file);
                }
            }
        }
        lastSeen.keySet().removeIf(path -> path.startsWith(folder) && !Files.exists(path));
    }

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part");
    }

    private void take(String partnerId, Path file) throws IOException {
        String name = file.getFileName().toString();
        Path processing = Files.createDirectories(file.getParent().resolve("processing"));
        Path taken = processing.resolve(STAMP.format(clock.instant().atZone(clock.getZone())) + "-" + name);
        Files.move(file, taken, StandardCopyOption.ATOMIC_MOVE);
        receive(partnerId, taken, name);
    }

    private void receive(String partnerId, Path taken, String originalName) throws IOException {
        long most = limit.applyAsLong(partnerId);
        if (Files.size(taken) > most) {
            refuse(partnerId, taken, originalName, most);
            return;
        }
        byte[] body = Files.readAllBytes(taken);
        InboundMessage message = new InboundMessage(partnerId, mediaTypeOf(originalName), charsetOf(body), body);
        Receipt receipt = inbox.receive(message, null);
        onReceived.accept(partnerId, receipt);
        writeReceipt(taken.getParent().getParent(), taken.getFileName() + RECEIPT, originalName, receipt);
        // the inbox holds the message now, encrypted: no clear copy stays on disk
        Files.delete(taken);
        LOG.info("Inbox file of partner {} received as message {}: {}", partnerId, receipt.messageId(),
                receipt.status());
    }

    /**
     * A file over the partner's limit is refused as its HTTP message would be (413): not read,
     * not stored, and removed — it holds personal data in clear — with a receipt in
     * {@code rejected/} that says why. The partner keeps its own copy.
     */
    private void refuse(String partnerId, Path taken, String originalName, long most) throws IOException {
        String detail = json.writeValueAsString(Map.of("faults", List.of(Map.of("location", "file",
                "problem", "larger than " + most + " bytes, the most this partner may send"))));
        Receipt refused = new Receipt(null, InboxStatus.REJECTED, detail, List.of());
        onReceived.accept(partnerId, refused);
        writeReceipt(taken.getParent().getParent(), taken.getFileName() + RECEIPT, originalName, refused);
        Files.delete(taken);
        LOG.warn("Inbox file of partner {} refused: larger than {} bytes", partnerId, most);
    }

    /** Moves the receipt of each pending message that has an outcome now to where that outcome is told. */
    private void settlePending(String partnerId, Path folder) throws IOException {
        Path pending = folder.resolve(PENDING);
        if (!Files.isDirectory(pending)) {
            return;
        }
        try (DirectoryStream<Path> receipts = Files.newDirectoryStream(pending, "*" + RECEIPT)) {
            for (Path written : receipts) {
                settle(partnerId, folder, written);
            }
        }
    }

    private void settle(String partnerId, Path folder, Path written) {
        try {
            JsonNode before = json.readTree(written.toFile());
            String messageId = before.path("messageId").asText("");
            Optional<Receipt> now = messageId.isEmpty() ? Optional.empty() : inbox.status(partnerId, messageId);
            if (now.isEmpty() || now.get().status() == InboxStatus.PENDING) {
                return;
            }
            // the outcome first, then the pending receipt goes: a crash between the two settles it again
            writeReceipt(folder, written.getFileName().toString(), before.path("file").asText(""), now.get());
            Files.delete(written);
            LOG.info("Pending inbox file of partner {}, message {}: {}", partnerId, now.get().messageId(),
                    now.get().status());
        } catch (IOException e) {
            LOG.warn("Cannot settle a pending receipt of partner {}: {}", partnerId, e.getClass().getSimpleName());
        }
    }

    /** Writes the receipt in the folder of its outcome: {@code processed/}, {@code rejected/} or {@code pending/}. */
    private void writeReceipt(Path folder, String receiptName, String originalName, Receipt receipt)
            throws IOException {
        String outcome = switch (receipt.status()) {
            case REJECTED -> "rejected";
            case PROCESSED -> "processed";
            case PENDING -> PENDING;
        };
        Path target = Files.createDirectories(folder.resolve(outcome)).resolve(receiptName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", originalName);
        body.put("messageId", receipt.messageId());
        body.put("status", receipt.status().name());
        body.put("caseIds", receipt.caseIds());
        if (receipt.detailJson() != null) {
            body.put("detail", json.readTree(receipt.detailJson()));
        }
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), body);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String mediaTypeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** A file carries no charset: UTF-8 when it decodes as such, else windows-1252, as Excel writes. */
    static Charset charsetOf(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return Charset.forName("windows-1252");
        }
    }
}
