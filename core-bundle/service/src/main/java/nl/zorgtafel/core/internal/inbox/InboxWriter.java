package nl.zorgtafel.core.internal.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.InboxEntry;
import nl.zorgtafel.core.internal.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the inbox: messages that arrive at the same time are stored in one
 * transaction, so they share one forced write of the database log instead of each paying
 * for its own. Every request still waits until its message is committed before it is
 * answered; alone, a message is committed at once.
 */
final class InboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);

    /** A message on its way into the inbox, and the request that waits for it. */
    record Write(InboundMessage message, String key, String bodySha256, byte[] encryptedBody,
                 CompletableFuture<Stored> stored) {
    }

    /**
     * Where a message landed: its arrival number, and the earlier entry when it repeats one
     * (then it was not stored again).
     */
    record Stored(long seq, InboxEntry earlier) {
    }

    private final Transactions transactions;
    private final Clock clock;
    private final Executor executor;
    private final int maxBatch;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    InboxWriter(Transactions transactions, Clock clock, Executor executor, int maxBatch) {
        this.transactions = transactions;
        this.clock = clock;
        this.executor = executor;
        this.maxBatch = maxBatch;
    }

    CompletableFuture<Stored> write(InboundMessage message, String key, String bodySha256, byte[] encryptedBody) {
        CompletableFuture<Stored> stored = new CompletableFuture<>();
        queue.add(new Write(message, key, bodySha256, encryptedBody, stored));
        drainSoon();
        return stored;
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            List<Write> batch = new ArrayList<>();
            while (queue.drainTo(batch, maxBatch) > 0) {
                commit(batch);
                batch.clear();
            }
        } finally {
            draining.set(false);
            // a write that came in after the last look must not wait for the next one
            if (!queue.isEmpty()) {
                drainSoon();
            }
        }
    }

    private void commit(List<Write> batch) {
        List<Stored> results;
        try {
            results = transactions.run(store -> storeAll(store, batch));
        } catch (RuntimeException batchFailed) {
            // one bad write must not fail its neighbours: each alone, each with its own answer
            LOG.warn("Storing {} messages together failed ({}); storing them one by one", batch.size(),
                    batchFailed.getClass().getSimpleName());
            for (Write write : batch) {
                try {
                    Stored alone = transactions.run(store -> storeAll(store, List.of(write))).get(0);
                    write.stored().complete(alone);
                } catch (RuntimeException e) {
                    write.stored().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(results.get(i));
        }
    }

    private List<Stored> storeAll(Store store, List<Write> batch) {
        Map<String, Long> storedNow = new HashMap<>();
        List<Stored> results = new ArrayList<>();
        for (Write write : batch) {
            String partnerId = write.message().partnerId();
            String identity = partnerId + '\n' + write.key();
            Long sameBatch = storedNow.get(identity);
            if (sameBatch != null) {
                results.add(new Stored(sameBatch, store.inboxEntry(sameBatch).orElseThrow()));
                continue;
            }
            Optional<InboxEntry> earlier = store.inboxEntry(partnerId, write.key());
            if (earlier.isPresent()) {
                results.add(new Stored(earlier.get().seq(), earlier.get()));
                continue;
            }
            long seq = store.addToInbox(partnerId, write.key(), write.bodySha256(), write.message().mediaType(),
                    write.message().charset().name(), write.encryptedBody(), clock.instant());
            storedNow.put(identity, seq);
            results.add(new Stored(seq, null));
        }
        return results;
    }
}
