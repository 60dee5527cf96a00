package nl.zorgtafel.core.internal.crisis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.CrisisStore;
import nl.zorgtafel.core.internal.store.CrisisStore.Alert;
import nl.zorgtafel.core.internal.store.CrisisStore.CrisisRecord;
import nl.zorgtafel.core.internal.store.CrisisStore.MeasureRequest;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The crisis path's steps that people and the crisis team record: the team acknowledges a
 * crisis (which resolves the coordinator's alert, and involves the team in the case so
 * that it sees it), and a partner records the measure it requested. The first steps (the
 * crisis recorded, the team told) happen when the signal is applied; the alert is
 * {@link CrisisWatch}'s.
 */
public final class Crises {

    /** The kind of alert raised when the crisis team did not acknowledge a crisis in time. */
    public static final String NOT_ACKNOWLEDGED = "crisis-not-acknowledged";

    private final Transactions transactions;
    private final Clock clock;

    public Crises(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the case has a crisis record at all (the crisis team may then act on it). */
    public boolean hasCrisis(String caseId) {
        return transactions.run(store -> !store.crises().crisesOf(caseId).isEmpty());
    }

    /**
     * The crisis team acknowledges the case's crises; returns how many it acknowledged, or
     * empty when there is no such case.
     */
    public Optional<Integer> acknowledge(String caseId, String by) {
        return transactions.run(store -> store.caseRecord(caseId).map(caseRecord -> {
            CrisisStore crises = store.crises();
            if (crises.crisesOf(caseId).isEmpty()) {
                throw new Conflict("The case has no crisis signal to acknowledge.");
            }
            Instant now = clock.instant();
            int acknowledged = crises.acknowledge(caseId, now, by);
            crises.resolveAlerts(caseId, NOT_ACKNOWLEDGED, now, by);
            store.involvePartner(caseId, Notifier.CRISIS_TEAM, now);
            return acknowledged;
        }));
    }

    /** Records a measure requested for the case; empty when there is no such case. */
    public Optional<MeasureRequest> requestMeasure(String caseId, String partnerId, String kind, LocalDate requestedOn,
                                                   String note, String by) {
        return transactions.run(store -> store.caseRecord(caseId).map(caseRecord -> {
            MeasureRequest request = new MeasureRequest(UUID.randomUUID().toString(), caseId, partnerId, kind,
                    requestedOn == null ? LocalDate.now(clock) : requestedOn, note == null ? "" : note,
                    clock.instant(), by);
            store.crises().addMeasureRequest(request);
            return request;
        }));
    }

    /** An alert with the case it is about. */
    /** @param crisis the crisis the alert is about, when it is about one */
    public record AlertView(Alert alert, CaseRecord caseRecord, Optional<CrisisRecord> crisis) {
    }

    /** The coordinator's alerts, newest first: open ones, resolved ones, or all ({@code open} null). */
    public List<AlertView> alerts(Boolean open) {
        return transactions.run(store -> store.crises().alerts(open).stream()
                .map(alert -> new AlertView(alert, caseOf(store, alert.caseId()), crisisOf(store, alert))).toList());
    }

    private static Optional<CrisisRecord> crisisOf(Store store, Alert alert) {
        return alert.crisisId() == null ? Optional.empty() : store.crises().crisesOf(alert.caseId()).stream()
                .filter(crisis -> crisis.id().equals(alert.crisisId())).findFirst();
    }

    private static CaseRecord caseOf(Store store, String caseId) {
        return store.caseRecord(caseId).orElseThrow();
    }
}
