package nl.zorgtafel.core.internal.inbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.store.Store.InboxEntry;
import nl.zorgtafel.core.internal.store.Store.InboxStatus;
import nl.zorgtafel.core.internal.inbox.InboxWriter.Stored;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The durable inbox: every raw partner message is stored, encrypted, before the partner
 * gets an answer. Store, then translate: with its adapter present the message is processed
 * at once and the partner hears the outcome; without it the message waits, and the
 * partner hears that it is pending.
 */
public final class Inbox {

    private final Transactions transactions;
    private final Cipher cipher;
    private final AdapterRegistry adapters;
    private final InboxProcessor processor;
    private final Clock clock;
    private final Duration patience;
    private final InboxWriter writer;

    /** The inbox keeps a message in a {@code BLOB(16M)}: no configuration takes a partner past it. */
    public static final long CAPACITY_BYTES = 16L * 1024 * 1024;
    /** The most messages stored in one transaction. */
    static final int GROUP_COMMIT_LIMIT = 200;
    /** How long a request waits for its message to be committed before it is answered 503. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param patience how long a partner's request waits for its message to be processed
     *     before it is answered as pending (processing goes on regardless)
     * @param writerExecutor runs the group commits that store received messages
     */
    public Inbox(Transactions transactions, Cipher cipher, AdapterRegistry adapters, InboxProcessor processor,
                 Clock clock, Duration patience, Executor writerExecutor) {
        this.writer = new InboxWriter(transactions, clock, writerExecutor, GROUP_COMMIT_LIMIT);
        this.transactions = transactions;
        this.cipher = cipher;
        this.adapters = adapters;
        this.processor = processor;
        this.clock = clock;
        this.patience = patience;
    }

    /**
     * Receives a message: stores it durably (a repeat of a known id is not stored again),
     * then waits a while for its outcome.
     *
     * @param idempotencyKey the partner's {@code Idempotency-Key}, or null
     */
    public Receipt receive(InboundMessage message, String idempotencyKey) {
        String bodySha256 = sha256(message.body());
        Optional<PartnerAdapter> adapter = adapters.adapterFor(message.partnerId());
        String key = idempotencyKey != null && !idempotencyKey.isBlank()
                ? idempotencyKey.strip()
                : adapter.flatMap(a -> MessageKeys.formatId(a, message))
                        .orElseGet(() -> MessageKeys.provisional(bodySha256));
        Stored stored = store(message, key, bodySha256);
        if (stored.earlier() != null) {
            return receiptOf(stored.earlier());
        }
        Receipt pending = new Receipt(key, InboxStatus.PENDING, null, List.of());
        if (adapter.isEmpty()) {
            // store, then translate: it waits in the inbox until its adapter is back
            return pending;
        }
        CompletableFuture<Receipt> outcome = processor.outcomeOf(stored.seq(), message.partnerId());
        processor.drive();
        try {
            // a pass that was already running may have processed it before we started waiting
            Optional<InboxEntry> now = transactions.run(store -> store.inboxEntry(stored.seq()));
            if (now.isPresent() && now.get().status() != InboxStatus.PENDING) {
                return receiptOf(now.get());
            }
            Receipt receipt = outcome.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            // null: the adapter left while we waited; the message waits for its return
            return receipt == null ? pending : receipt;
        } catch (TimeoutException stillWaiting) {
            return pending;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending;
        } catch (ExecutionException e) {
            throw new IllegalStateException("processing failed", e.getCause());
        } finally {
            processor.forget(stored.seq());
        }
    }

    /** Where a message stands, by the id the partner knows it by. */
    public Optional<Receipt> status(String partnerId, String messageId) {
        return transactions.run(store -> {
            Optional<InboxEntry> entry = store.inboxEntry(partnerId, messageId);
            if (entry.isEmpty() && MessageKeys.isProvisional(messageId)) {
                // a message received before its adapter could read its id is found by its body
                entry = store.inboxEntryByBody(partnerId, messageId.substring("sha256:".length()));
            }
            return entry.map(found -> found.duplicateOf() == null
                    ? Receipt.of(found)
                    : Receipt.repeating(found, store.inboxEntry(found.duplicateOf()).orElse(found)));
        });
    }

    private Receipt receiptOf(InboxEntry entry) {
        if (entry.duplicateOf() == null) {
            return Receipt.of(entry);
        }
        return transactions.run(store -> Receipt.repeating(entry, store.inboxEntry(entry.duplicateOf()).orElse(entry)));
    }

    private Stored store(InboundMessage message, String key, String bodySha256) {
        byte[] encrypted = cipher.encrypt(message.body());
        try {
            return writer.write(message, key, bodySha256, encrypted).get(STORE_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new InboxUnavailableException("the message could not be stored");
        } catch (TimeoutException e) {
            throw new InboxUnavailableException("the message could not be stored in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxUnavailableException("interrupted while storing the message");
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
