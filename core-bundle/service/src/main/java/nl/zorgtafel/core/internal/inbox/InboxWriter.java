package nl.zorgtafel.core.internal.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.core.internal.store.GroupCommit;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.InboxEntry;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * Group commit for the inbox: messages that arrive at the same time are stored in one
 * transaction, so they share one forced write of the database log instead of each paying
 * for its own. Every request still waits until its message is committed before it is
 * answered; alone, a message is committed at once.
 */
final class InboxWriter {

    /** A message on its way into the inbox. */
    record Write(InboundMessage message, String key, String bodySha256, byte[] encryptedBody) {
    }

    /**
     * Where a message landed: its arrival number, and the earlier entry when it repeats one
     * (then it was not stored again).
     */
    record Stored(long seq, InboxEntry earlier) {
    }

    private final Clock clock;
    private final GroupCommit<Write, Stored> commits;

    InboxWriter(Transactions transactions, Clock clock, Executor executor, int maxBatch) {
        this.clock = clock;
        this.commits = new GroupCommit<>("inbox messages", transactions, executor, maxBatch, this::storeAll);
    }

    CompletableFuture<Stored> write(InboundMessage message, String key, String bodySha256, byte[] encryptedBody) {
        return commits.submit(new Write(message, key, bodySha256, encryptedBody));
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
