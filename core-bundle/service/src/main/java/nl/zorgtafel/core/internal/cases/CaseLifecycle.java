package nl.zorgtafel.core.internal.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.zorgtafel.api.model.CaseStatus;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.StatusChange;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The coordinator closes and reopens cases, each time with a reason that the case's status
 * history keeps. Closing starts the retention clock (the day from which the retention
 * period of the case's personal data counts); reopening stops it. A youth signalled again
 * within 12 months of the closing gets a new case that is a repeat ({@link RepeatRule}).
 */
public final class CaseLifecycle {

    private final Transactions transactions;
    private final Clock clock;

    public CaseLifecycle(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Closes an open case; empty when there is no such case. */
    public Optional<CaseRecord> close(String caseId, String reason, String by) {
        return transactions.run(store -> store.caseRecord(caseId).map(record -> {
            if (!CaseStatus.OPEN.code().equals(record.status())) {
                throw new Conflict("Only an open case can be closed; this one is " + record.status() + ".");
            }
            LocalDate today = LocalDate.now(clock);
            store.closeCase(caseId, today, reason);
            change(store, caseId, CaseStatus.CLOSED, reason, by, today);
            return store.caseRecord(caseId).orElseThrow();
        }));
    }

    /**
     * Opens a closed case again; empty when there is no such case. A youth has one open
     * case at a time: while a later case of theirs is open, the closed one stays closed.
     */
    public Optional<CaseRecord> reopen(String caseId, String reason, String by) {
        return transactions.run(store -> store.caseRecord(caseId).map(record -> {
            if (!CaseStatus.CLOSED.code().equals(record.status())) {
                throw new Conflict("Only a closed case can be reopened; this one is " + record.status() + ".");
            }
            boolean otherOpen = store.casesOf(record.youthId()).stream()
                    .anyMatch(c -> !c.id().equals(caseId) && CaseStatus.OPEN.code().equals(c.status()));
            if (otherOpen) {
                throw new Conflict("The youth has another open case; reopening this one would make two.");
            }
            store.reopenCase(caseId);
            change(store, caseId, CaseStatus.OPEN, reason, by, LocalDate.now(clock));
            return store.caseRecord(caseId).orElseThrow();
        }));
    }

    private void change(Store store, String caseId, CaseStatus status, String reason, String by, LocalDate today) {
        Instant now = clock.instant();
        store.addStatusChange(new StatusChange(caseId, status.code(), reason, today, now, by));
    }
}
