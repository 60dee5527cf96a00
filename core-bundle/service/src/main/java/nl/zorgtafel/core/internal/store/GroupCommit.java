package nl.zorgtafel.core.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: items that arrive at the same time are written in one transaction, so that
 * they share one forced write of the database log instead of each paying for its own. Each
 * caller waits for its own item; alone, an item is committed at once. When a batch fails,
 * each of its items is written alone, so that one bad item fails only its own caller.
 *
 * @param <I> what is written
 * @param <O> what each caller learns of its item
 */
public final class GroupCommit<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Writes a batch in the store's transaction; returns one result per item, in order. */
    @FunctionalInterface
    public interface Writer<I, O> {
        List<O> write(Store store, List<I> batch);
    }

    private record Pending<I, O>(I item, CompletableFuture<O> result) {
    }

    private final String what;
    private final Transactions transactions;
    private final Executor executor;
    private final int maxBatch;
    private final Writer<I, O> writer;
    private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /**
     * @param what names the items in log lines ("inbox messages", "audit records")
     * @param executor runs the commits, one at a time
     */
    public GroupCommit(String what, Transactions transactions, Executor executor, int maxBatch, Writer<I, O> writer) {
        this.what = what;
        this.transactions = transactions;
        this.executor = executor;
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Queues an item; the future completes once it is committed, or fails with why it was not. */
    public CompletableFuture<O> submit(I item) {
        CompletableFuture<O> result = new CompletableFuture<>();
        queue.add(new Pending<>(item, result));
        drainSoon();
        return result;
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            List<Pending<I, O>> batch = new ArrayList<>();
            while (queue.drainTo(batch, maxBatch) > 0) {
                commit(batch);
                batch.clear();
            }
        } finally {
            draining.set(false);
            // an item that came in after the last look must not wait for the next one
            if (!queue.isEmpty()) {
                drainSoon();
            }
        }
    }

    private void commit(List<Pending<I, O>> batch) {
        List<O> results;
        try {
            results = transactions.run(store -> writer.write(store, batch.stream().map(Pending::item).toList()));
        } catch (RuntimeException batchFailed) {
            LOG.warn("Storing {} {} together failed ({}); storing them one by one", batch.size(), what,
                    batchFailed.getClass().getSimpleName());
            for (Pending<I, O> pending : batch) {
                try {
                    pending.result().complete(transactions.run(store -> writer.write(store,
                            List.of(pending.item()))).get(0));
                } catch (RuntimeException e) {
                    LOG.warn("One of the {} could not be stored ({})", what, e.getClass().getSimpleName());
                    pending.result().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }
}
