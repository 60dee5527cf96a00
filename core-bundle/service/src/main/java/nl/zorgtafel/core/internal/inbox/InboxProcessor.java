package nl.zorgtafel.core.internal.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.InboxEntry;
import nl.zorgtafel.core.internal.store.Store.InboxStatus;
import nl.zorgtafel.core.internal.store.StoreException;
import nl.zorgtafel.core.internal.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the inbox: every pending message whose partner has an adapter present is
 * translated and applied, oldest first, each in one transaction with its outcome, so a
 * message is either applied whole and marked processed, or not at all.
 *
 * <p>One worker thread does all of it. That keeps each partner's messages in arrival order
 * and lets no two messages about the same youth race each other. A pass starts when a
 * message arrives, when an adapter arrives, and at start-up; a pass that fails on the
 * database is tried again after a pause.
 */
public final class InboxProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
    /** The most messages of one partner applied in one transaction (short transactions hold locks briefly). */
    private static final int PER_PARTNER = 25;
    /** The most messages applied in one transaction: enough to share a log write, short enough to hold locks briefly. */
    private static final int PER_TRANSACTION = 25;
    private static final long RETRY_AFTER_FAILURE_MILLIS = 1_000;

    private final Transactions transactions;
    private final Cipher cipher;
    private final AdapterRegistry adapters;
    private final EventApplier applier;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean passScheduled = new AtomicBoolean();
    private final Map<Long, CompletableFuture<Receipt>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, String> waitingPartner = new ConcurrentHashMap<>();
    private volatile AppliedUnanswered onAppliedUnanswered = (store, applied) -> { };

    /**
     * Told, at the end of the transaction that applies them, of the messages whose request
     * is no longer waiting: the partner was answered "pending", so the request's own audit
     * record could not name the case; this is where their effect gets recorded. Told last, so
     * that the audit chain's head is held only for the moment before the commit.
     */
    @FunctionalInterface
    public interface AppliedUnanswered {
        void applied(Store store, List<Unanswered> applied);
    }

    /** A message applied (or refused) after its partner was answered "pending". */
    public record Unanswered(String partnerId, Receipt receipt) {
    }

    public InboxProcessor(Transactions transactions, Cipher cipher, AdapterRegistry adapters, EventApplier applier,
                          Clock clock, ScheduledExecutorService worker) {
        this.transactions = transactions;
        this.cipher = cipher;
        this.adapters = adapters;
        this.applier = applier;
        this.clock = clock;
        this.worker = worker;
    }

    public void onAppliedUnanswered(AppliedUnanswered listener) {
        this.onAppliedUnanswered = listener;
    }

    /** Asks for a pass over the inbox; several requests before it starts make one pass. */
    public void drive() {
        if (passScheduled.compareAndSet(false, true)) {
            worker.execute(this::pass);
        }
    }

    /** Completes with the message's outcome once it is processed or rejected. */
    CompletableFuture<Receipt> outcomeOf(long seq, String partnerId) {
        waitingPartner.put(seq, partnerId);
        return waiting.computeIfAbsent(seq, key -> new CompletableFuture<>());
    }

    void forget(long seq) {
        waiting.remove(seq);
        waitingPartner.remove(seq);
    }

    /**
     * The partner's adapter left (stopped, being upgraded): requests still waiting for one of
     * its messages are answered now, as pending, instead of waiting out their patience.
     */
    public void adapterLeft(String partnerId) {
        waitingPartner.forEach((seq, partner) -> {
            if (partner.equals(partnerId)) {
                CompletableFuture<Receipt> waiter = waiting.remove(seq);
                waitingPartner.remove(seq);
                if (waiter != null) {
                    waiter.complete(null);
                }
            }
        });
    }

    private void pass() {
        passScheduled.set(false);
        Set<String> blocked = new HashSet<>();
        try {
            while (processBatch(blocked) > 0) {
                // keep going until nothing that can be processed is left
            }
        } catch (StoreException e) {
            LOG.warn("Inbox pass stopped on a database failure (state {}); trying again shortly", e.sqlState());
            retryLater();
            return;
        }
        if (!blocked.isEmpty()) {
            retryLater();
        }
    }

    private void retryLater() {
        worker.schedule(this::drive, RETRY_AFTER_FAILURE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Processes the oldest pending messages of the partners whose adapter is present and
     * that are not blocked. A message that fails for a reason that a retry may cure blocks
     * its own partner until the next pass (its later messages keep their place behind it);
     * other partners go on.
     */
    private int processBatch(Set<String> blocked) {
        Set<String> ready = new HashSet<>(adapters.presentPartners());
        ready.removeAll(blocked);
        List<InboxEntry> pending = fairShare(ready);
        List<InboxEntry> processable = new ArrayList<>();
        Map<Long, PartnerAdapter> adapterOf = new HashMap<>();
        for (InboxEntry entry : pending) {
            Optional<PartnerAdapter> adapter = adapters.adapterFor(entry.partnerId());
            if (adapter.isEmpty()) {
                // the adapter left mid-batch: its later messages wait, in order, for its return
                blocked.add(entry.partnerId());
                continue;
            }
            processable.add(entry);
            adapterOf.put(entry.seq(), adapter.get());
        }
        int processed = 0;
        for (int from = 0; from < processable.size(); from += PER_TRANSACTION) {
            List<InboxEntry> group = processable.subList(from, Math.min(processable.size(), from + PER_TRANSACTION));
            Map<Long, Receipt> outcomes = processTogether(group, adapterOf, blocked);
            // answer the group's requests as soon as it is committed, not after the whole batch
            outcomes.forEach(this::answer);
            processed += outcomes.size();
        }
        return processed;
    }

    private void answer(long seq, Receipt receipt) {
        CompletableFuture<Receipt> waiter = waiting.remove(seq);
        waitingPartner.remove(seq);
        if (waiter != null) {
            waiter.complete(receipt);
        }
    }

    /**
     * The next messages to process: each ready partner's oldest, at most {@code PER_PARTNER}
     * each, taken in turn, so that one partner's backlog (after an adapter came back) does
     * not hold up the others' new messages. Each partner's own order is kept.
     */
    private List<InboxEntry> fairShare(Set<String> ready) {
        return transactions.run(store -> {
            List<List<InboxEntry>> queues = new ArrayList<>();
            for (String partnerId : ready) {
                queues.add(store.pendingInbox(partnerId, PER_PARTNER));
            }
            List<InboxEntry> turns = new ArrayList<>();
            for (int i = 0; i < PER_PARTNER; i++) {
                for (List<InboxEntry> queue : queues) {
                    if (i < queue.size()) {
                        turns.add(queue.get(i));
                    }
                }
            }
            return turns;
        });
    }

    /**
     * Group commit: the messages are applied in one transaction, in order, so that they
     * share one forced write of the log. If that transaction fails, each is processed alone,
     * so that one message's failure holds only its own partner.
     */
    private Map<Long, Receipt> processTogether(List<InboxEntry> entries, Map<Long, PartnerAdapter> adapterOf,
                                               Set<String> blocked) {
        Map<Long, Receipt> outcomes = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return outcomes;
        }
        try {
            outcomes.putAll(transactions.run(store -> processAll(store, entries, adapterOf)));
            return outcomes;
        } catch (StoreException e) {
            if (e.isTransient()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.debug("Processing {} messages together failed; processing them one by one", entries.size());
        }
        for (InboxEntry entry : entries) {
            if (blocked.contains(entry.partnerId())) {
                continue;
            }
            Optional<Receipt> receipt = processOne(entry, adapterOf.get(entry.seq()));
            if (receipt.isPresent()) {
                outcomes.put(entry.seq(), receipt.get());
            } else {
                blocked.add(entry.partnerId());
            }
        }
        return outcomes;
    }

    /** The message's outcome, or empty when it failed in a way a later pass may get past. */
    private Optional<Receipt> processOne(InboxEntry entry, PartnerAdapter adapter) {
        try {
            return Optional.of(transactions.run(store -> processAll(store, List.of(entry),
                    Map.of(entry.seq(), adapter))).get(entry.seq()));
        } catch (StoreException e) {
            if (e.isTransient()) {
                throw e;
            }
            if (e.isDataFault()) {
                // retrying would block every later message of the partner behind this one for good
                LOG.warn("Inbox message {} of partner {} holds a value the store cannot keep (state {}); rejected",
                        entry.seq(), entry.partnerId(), e.sqlState());
                return Optional.of(transactions.run(store -> reject(store, entry, List.of(new Fault("message",
                        "a value in it is too long or out of range for the table")))));
            }
            LOG.error("Inbox message {} of partner {} failed in the store (state {}); the partner waits for a retry",
                    entry.seq(), entry.partnerId(), e.sqlState());
            return Optional.empty();
        } catch (RuntimeException e) {
            // a fault of ours or of the key file, not of the message: keep it, hold the partner, tell the operator;
            // the exception's message may quote data, so its type only
            LOG.error("Inbox message {} of partner {} failed with {}; the partner waits for a retry", entry.seq(),
                    entry.partnerId(), e.getClass().getName());
            return Optional.empty();
        }
    }

    /** Applies the entries in the store's transaction, in order; their outcomes by arrival number. */
    private Map<Long, Receipt> processAll(Store store, List<InboxEntry> entries, Map<Long, PartnerAdapter> adapterOf) {
        Map<Long, Receipt> outcomes = new LinkedHashMap<>();
        List<Unanswered> unanswered = new ArrayList<>();
        for (InboxEntry entry : entries) {
            Receipt receipt = process(store, entry, adapterOf.get(entry.seq()));
            outcomes.put(entry.seq(), receipt);
            if (receipt.status() != InboxStatus.PENDING && !waiting.containsKey(entry.seq())) {
                unanswered.add(new Unanswered(entry.partnerId(), receipt));
            }
        }
        if (!unanswered.isEmpty()) {
            onAppliedUnanswered.applied(store, unanswered);
        }
        return outcomes;
    }

    private Receipt process(Store store, InboxEntry entry, PartnerAdapter adapter) {
        InboundMessage message = new InboundMessage(entry.partnerId(), entry.mediaType(),
                Charset.forName(entry.charset()), cipher.decrypt(entry.encryptedBody()));
        Optional<InboxEntry> original = identify(store, entry, adapter, message);
        if (original.isPresent()) {
            store.recordOutcome(entry.seq(), original.get().status(), original.get().detailJson(),
                    original.get().caseIds(), original.get().seq(), clock.instant());
            return Receipt.repeating(entry, original.get());
        }
        InboundResult result = translate(adapter, message, entry);
        if (result instanceof InboundResult.Translated translated) {
            EventApplier.Applied applied = applier.apply(store, entry.partnerId(), translated.events());
            String detail = translated.ignored().isEmpty() ? null : json(Map.of("ignored", translated.ignored()));
            store.recordOutcome(entry.seq(), InboxStatus.PROCESSED, detail, applied.caseIds(), null, clock.instant());
            return new Receipt(currentKey(store, entry), InboxStatus.PROCESSED, detail, applied.caseIds());
        }
        return reject(store, entry, ((InboundResult.Rejected) result).faults());
    }

    private Receipt reject(Store store, InboxEntry entry, List<Fault> faults) {
        String detail = json(Map.of("faults", faults.stream()
                .map(f -> Map.of("location", f.location(), "problem", f.problem())).toList()));
        store.recordOutcome(entry.seq(), InboxStatus.REJECTED, detail, List.of(), null, clock.instant());
        return new Receipt(currentKey(store, entry), InboxStatus.REJECTED, detail, List.of());
    }

    /**
     * A message stored while no adapter could read it carries a provisional key. Now that
     * the adapter can, it gets the id its format carries; if an earlier message already
     * has that id, this one is a repeat of it and has no effect of its own.
     */
    private static Optional<InboxEntry> identify(Store store, InboxEntry entry, PartnerAdapter adapter,
                                                 InboundMessage message) {
        if (!MessageKeys.isProvisional(entry.messageKey())) {
            return Optional.empty();
        }
        Optional<String> id = MessageKeys.formatId(adapter, message);
        if (id.isEmpty() || id.get().equals(entry.messageKey())) {
            return Optional.empty();
        }
        Optional<InboxEntry> earlier = store.inboxEntry(entry.partnerId(), id.get());
        if (earlier.isPresent()) {
            return earlier;
        }
        store.rekeyInboxEntry(entry.seq(), id.get());
        return Optional.empty();
    }

    private static String currentKey(Store store, InboxEntry entry) {
        if (!MessageKeys.isProvisional(entry.messageKey())) {
            return entry.messageKey(); // only a provisional key is ever changed, by identify
        }
        return store.inboxEntry(entry.seq()).map(InboxEntry::messageKey).orElse(entry.messageKey());
    }

    /** An adapter must not throw; if one does, the message is refused rather than retried forever. */
    private static InboundResult translate(PartnerAdapter adapter, InboundMessage message, InboxEntry entry) {
        try {
            return adapter.translate(message);
        } catch (RuntimeException e) {
            // the exception's message may quote the partner's data: log its type only
            LOG.error("Adapter of partner {} failed on inbox message {} with {}", entry.partnerId(), entry.seq(),
                    e.getClass().getName());
            return InboundResult.rejected(List.of(new Fault("message", "the adapter could not translate it")));
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write outcome detail", e);
        }
    }
}
