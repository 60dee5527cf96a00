package nl.zorgtafel.core.internal.operations;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.zorgtafel.core.internal.inbox.AdapterRegistry;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import nl.zorgtafel.core.internal.store.OutboxStore;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * What an operator needs to see of each partner: is its adapter there and which version,
 * how much waits in its inbox and outbox, how many dead letters, and the last delivery error.
 */
public final class PartnerOverview {

    /** One partner's state. */
    public record PartnerState(String partnerId, boolean adapterActive, String adapterVersion, long inboxPending,
                               long outboxPending, long deadLetters, String lastError, boolean configured,
                               long outboxDelivered) {
    }

    private final Transactions transactions;
    private final AdapterRegistry adapters;
    private final PartnerDirectory partners;

    public PartnerOverview(Transactions transactions, AdapterRegistry adapters, PartnerDirectory partners) {
        this.transactions = transactions;
        this.adapters = adapters;
        this.partners = partners;
    }

    /** Every partner that is configured, has an adapter, or has messages waiting; by id. */
    public java.util.List<PartnerState> all() {
        return transactions.run(store -> {
            Map<String, Long> inbox = store.pendingInboxByPartner();
            Map<String, Long> outbox = store.outbox().outboxCountByPartner(OutboxStore.Status.PENDING);
            Map<String, Long> dead = store.outbox().outboxCountByPartner(OutboxStore.Status.DEAD);
            Map<String, String> errors = store.outbox().lastOutboxErrorByPartner();
            Map<String, Long> delivered = store.outbox().outboxCountByPartner(OutboxStore.Status.DELIVERED);
            Set<String> ids = new TreeSet<>(adapters.presentPartners());
            partners.all().stream().map(PartnerSettings::partnerId).forEach(ids::add);
            ids.addAll(inbox.keySet());
            ids.addAll(outbox.keySet());
            ids.addAll(dead.keySet());
            return ids.stream().map(id -> new PartnerState(id, adapters.adapterFor(id).isPresent(),
                    adapters.versionFor(id).orElse(null), inbox.getOrDefault(id, 0L), outbox.getOrDefault(id, 0L),
                    dead.getOrDefault(id, 0L), errors.get(id), partners.partner(id).isPresent(),
                    delivered.getOrDefault(id, 0L))).toList();
        });
    }
}
