package nl.zorgtafel.core.internal.crisis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.CrisisStore.Alert;
import nl.zorgtafel.core.internal.store.CrisisStore.CrisisRecord;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * Watches the crisis path's clock: a crisis the crisis team did not acknowledge within the
 * configured time alerts the coordinator. There is no coordinator system to send to, so
 * the alert is recorded on the case (shown with the case and in the coordinator's list of
 * alerts); when the crisis team is configured as a partner, it is told again as well.
 * Each crisis alerts once. Run on a schedule, and safe to run on several nodes: each
 * crisis is alerted in the transaction that marks it.
 */
public final class CrisisWatch {

    private final Transactions transactions;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration patience;
    private final Predicate<String> isConfiguredPartner;

    /**
     * @param patience how long the crisis team has to acknowledge
     * @param isConfiguredPartner whether a partner id has a partner configuration
     */
    public CrisisWatch(Transactions transactions, Notifier notifier, Clock clock, Duration patience,
                       Predicate<String> isConfiguredPartner) {
        this.transactions = transactions;
        this.notifier = notifier;
        this.clock = clock;
        this.patience = patience;
        this.isConfiguredPartner = isConfiguredPartner;
    }

    /** Alerts every crisis whose time ran out; returns how many. */
    public int check() {
        Instant now = clock.instant();
        return transactions.run(store -> {
            List<CrisisRecord> late = store.crises().unacknowledged(now.minus(patience));
            for (CrisisRecord crisis : late) {
                long minutes = patience.toMinutes();
                store.crises().addAlert(new Alert(UUID.randomUUID().toString(), crisis.caseId(),
                        Crises.NOT_ACKNOWLEDGED, "The crisis team did not acknowledge the crisis signal of partner "
                        + crisis.reportedBy() + " within " + minutes + " minutes.", crisis.id(), now, null, null));
                store.crises().markAlerted(crisis.id(), now);
                if (isConfiguredPartner.test(Notifier.CRISIS_TEAM)) {
                    String youthId = store.caseRecord(crisis.caseId()).orElseThrow().youthId();
                    notifier.crisisNotAcknowledged(store, crisis.caseId(), youthId, minutes, now);
                }
            }
            return late.size();
        });
    }
}
