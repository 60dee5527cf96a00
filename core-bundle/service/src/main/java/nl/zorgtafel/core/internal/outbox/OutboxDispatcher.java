package nl.zorgtafel.core.internal.outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.api.partner.RenderedMessage;
import nl.zorgtafel.core.internal.inbox.AdapterRegistry;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import nl.zorgtafel.core.internal.store.OutboxStore.OutboxEntry;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.TableStore;
import nl.zorgtafel.core.internal.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: each partner's due notifications, rendered by its adapter, sent to
 * its {@code outboundUrl} or written to its {@code outboundDirectory}, oldest first, a
 * youth's notifications in order. Each partner is delivered by its own task, so a slow or
 * failing partner delays nobody else. A notification waits while its partner's adapter
 * is absent or no destination is configured; a failed one is tried again with back-off,
 * and after the last attempt it is a dead letter that an operator can replay.
 *
 * <p>Delivery is at least once: a crash between the partner's answer and the record of it
 * sends the notification again, and the {@code Idempotency-Key} lets the partner drop it.
 * Each message a notification is rendered as has a key of its own ({@link #deliveryKey}),
 * the same on every attempt: a partner that drops repeats by key drops no sibling (GGZ's
 * {@code Task} beside its {@code Communication}), and a retry after some of the messages
 * went through repeats exactly their keys.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 50;
    /** A batch is recorded at the latest this long after its first delivery, so a slow partner's are too. */
    private static final long RECORD_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Transactions transactions;
    private final AdapterRegistry adapters;
    private final PartnerDirectory partners;
    private final Channel http;
    private final Channel files;
    private final Clock clock;
    private final ExecutorService deliveries;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final RandomGenerator random = new SecureRandom();
    private volatile BiConsumer<Store, List<OutboxEntry>> onDelivered = (store, entries) -> { };

    public OutboxDispatcher(Transactions transactions, AdapterRegistry adapters, PartnerDirectory partners,
                            java.time.Duration httpTimeout, Clock clock, ExecutorService deliveries) {
        this(transactions, adapters, partners, new HttpChannel(httpTimeout), new FileChannel(), clock, deliveries);
    }

    OutboxDispatcher(Transactions transactions, AdapterRegistry adapters, PartnerDirectory partners, Channel http,
                     Channel files, Clock clock, ExecutorService deliveries) {
        this.transactions = transactions;
        this.adapters = adapters;
        this.partners = partners;
        this.http = http;
        this.files = files;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    /**
     * Told of the notifications delivered, in the transaction that marks them delivered: each a share
     * of personal data with a partner, which the audit trail records in the same commit.
     */
    public void onDelivered(BiConsumer<Store, List<OutboxEntry>> listener) {
        this.onDelivered = listener;
    }

    /** Starts delivery for every partner that can receive now and is not being delivered already. */
    public void drive() {
        for (PartnerSettings partner : partners.all()) {
            if (partner.enabled() && partner.hasDestination() && adapters.adapterFor(partner.partnerId()).isPresent()
                    && running.add(partner.partnerId())) {
                deliveries.execute(() -> deliverAll(partner.partnerId()));
            }
        }
    }

    private void deliverAll(String partnerId) {
        try {
            int delivered;
            do {
                delivered = deliverBatch(partnerId);
            } while (delivered > 0);
        } catch (RuntimeException e) {
            LOG.error("Delivery to partner {} failed; tried again on the next round", partnerId, e);
        } finally {
            running.remove(partnerId);
        }
    }

    /** Delivers what is due now; returns how many were handled (delivered or failed). */
    private int deliverBatch(String partnerId) {
        Optional<PartnerSettings> settings = partners.partner(partnerId);
        Optional<PartnerAdapter> adapter = adapters.adapterFor(partnerId);
        if (settings.isEmpty() || adapter.isEmpty() || !settings.get().hasDestination()) {
            return 0;
        }
        Instant now = clock.instant();
        List<OutboxEntry> due = transactions.run(store -> store.outbox().deliverable(partnerId, now, BATCH));
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, Notification> notifications = transactions.run(store -> notificationsOf(store, due));
        List<Attempt> attempts = new ArrayList<>(due.size());
        long startedAt = System.nanoTime();
        for (OutboxEntry entry : due) {
            attempts.add(deliver(entry, notifications.get(entry.seq()), settings.get(), adapter.get()));
            if (System.nanoTime() - startedAt > RECORD_WITHIN_NANOS) {
                break; // a slow partner: record what was sent so far; the rest is due again next round
            }
        }
        record(attempts, settings.get());
        return attempts.size();
    }

    /**
     * One delivery, or why it failed. The batch's attempts are recorded together, so that a
     * batch costs one commit rather than one per notification; a crash before that commit
     * sends the batch again, which the {@code Idempotency-Key} makes harmless.
     */
    private record Attempt(OutboxEntry entry, String failure) {
        boolean delivered() {
            return failure == null;
        }
    }

    private Attempt deliver(OutboxEntry entry, Notification notification, PartnerSettings partner,
                            PartnerAdapter adapter) {
        if (notification == null) {
            return new Attempt(entry, "the notification could not be built from the store");
        }
        try {
            List<RenderedMessage> messages = render(adapter, notification);
            Channel channel = partner.outboundUrl().isEmpty() ? files : http;
            if (channel == files) {
                refuseOneFileTwice(messages);
            }
            for (int i = 0; i < messages.size(); i++) {
                channel.send(partner, messages.get(i), deliveryKey(entry.notificationId(), i));
            }
            return new Attempt(entry, null);
        } catch (DeliveryException e) {
            return new Attempt(entry, e.getMessage());
        } catch (RuntimeException e) {
            // a notification that cannot be sent is a failed attempt: it must not hold up the others
            LOG.error("Delivering notification {} to partner {} failed unexpectedly", entry.notificationId(),
                    entry.partnerId(), e);
            return new Attempt(entry, "delivery failed unexpectedly: " + e.getClass().getSimpleName());
        }
    }

    private void record(List<Attempt> attempts, PartnerSettings partner) {
        Instant at = clock.instant();
        List<Failure> failures = new ArrayList<>();
        transactions.run(store -> {
            failures.clear(); // a transaction that is retried runs this again
            List<OutboxEntry> delivered = new ArrayList<>();
            for (Attempt attempt : attempts) {
                if (attempt.delivered()) {
                    store.outbox().markDelivered(attempt.entry().seq(), at);
                    delivered.add(attempt.entry());
                } else {
                    failures.add(failed(store, attempt, partner, at));
                }
            }
            if (!delivered.isEmpty()) {
                onDelivered.accept(store, delivered);
            }
            return null;
        });
        for (Failure failure : failures) {
            if (failure.dead()) {
                LOG.warn("Notification {} to partner {} is a dead letter after {} attempts: {}",
                        failure.entry().notificationId(), failure.entry().partnerId(), failure.attempts(),
                        failure.reason());
            } else {
                LOG.info("Notification {} to partner {} failed (attempt {}): {}; next attempt at {}",
                        failure.entry().notificationId(), failure.entry().partnerId(), failure.attempts(),
                        failure.reason(), failure.next());
            }
        }
    }

    private record Failure(OutboxEntry entry, int attempts, boolean dead, String reason, Instant next) {
    }

    /** Records a failed attempt: tried again later, or a dead letter after the last attempt. */
    private Failure failed(Store store, Attempt attempt, PartnerSettings partner, Instant at) {
        OutboxEntry entry = attempt.entry();
        int attempts = entry.attempts() + 1;
        boolean dead = partner.retryPolicy().isExhausted(attempts);
        Instant next = partner.retryPolicy().nextAttempt(at, attempts, random::nextDouble);
        store.outbox().markFailed(entry.seq(), attempts, next, attempt.failure(), dead);
        return new Failure(entry, attempts, dead, attempt.failure(), next);
    }

    private static List<RenderedMessage> render(PartnerAdapter adapter, Notification notification)
            throws DeliveryException {
        try {
            List<RenderedMessage> messages = adapter.render(notification);
            if (messages == null || messages.isEmpty()) {
                throw new DeliveryException("the adapter rendered nothing");
            }
            return messages;
        } catch (RuntimeException e) {
            throw new DeliveryException("the adapter failed to render: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The key of the message at {@code position} (from 0) among those a notification is
     * rendered as: the notification id for the first (or only) one, {@code <id>-2},
     * {@code <id>-3}, ... for the others. Sent as {@code Idempotency-Key}, and naming a file
     * the adapter gave no name.
     */
    static String deliveryKey(String notificationId, int position) {
        return position == 0 ? notificationId : notificationId + "-" + (position + 1);
    }

    /** Two messages written to the same file would leave the partner only the last. */
    private static void refuseOneFileTwice(List<RenderedMessage> messages) throws DeliveryException {
        Set<String> names = new HashSet<>();
        for (RenderedMessage message : messages) {
            if (!message.target().isEmpty() && !names.add(message.target())) {
                throw new DeliveryException("the adapter named one file twice");
            }
        }
    }

    /**
     * The notification as the adapter sees it: the youth by display name and birth date,
     * never a BSN; an agreement notification carries the agreement as it stands now.
     */
    private static Map<Long, Notification> notificationsOf(Store store, List<OutboxEntry> entries) {
        Map<Long, Notification> notifications = new HashMap<>();
        for (OutboxEntry entry : entries) {
            try {
                notifications.put(entry.seq(), notificationOf(store, entry));
            } catch (IllegalStateException e) {
                LOG.warn("Notification {} to partner {} cannot be built: {}", entry.notificationId(),
                        entry.partnerId(), e.getMessage());
            }
        }
        return notifications;
    }

    private static Notification notificationOf(Store store, OutboxEntry entry) {
        Youth youth = store.youth(entry.youthId()).orElse(null);
        Agreement agreement = null;
        if (entry.kind() == Notification.Kind.AGREEMENT) {
            agreement = entry.agreementId() == null ? null : store.table().agreement(entry.agreementId())
                    .map(TableStore.AgreementRecord::agreement).orElse(null);
            if (agreement == null) {
                throw new IllegalStateException("the agreement of this notification is not in the store");
            }
        }
        return new Notification(entry.notificationId(), entry.kind(), entry.caseId(),
                youth == null ? null : youth.displayName(), youth == null ? null : youth.birthDate(),
                entry.summary(), entry.createdAt(), agreement);
    }
}
