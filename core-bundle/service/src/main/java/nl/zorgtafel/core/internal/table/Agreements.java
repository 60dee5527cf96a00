package nl.zorgtafel.core.internal.table;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.TableStore.AgreementRecord;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * Agreements (afspraken): per case, what is to be done, by which partner, by when. An
 * agreement is open until its owner or the coordinator marks it done; an open agreement
 * past its due date is overdue (derived, never stored). The owner is notified when the
 * agreement is made and, once, when it becomes overdue ({@link #notifyOverdue()}, run on
 * a schedule).
 */
public final class Agreements {

    private final Transactions transactions;
    private final Notifier notifier;
    private final Clock clock;

    public Agreements(Transactions transactions, Notifier notifier, Clock clock) {
        this.transactions = transactions;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Which agreements a list shows: open (overdue ones included), done, or overdue only. */
    public enum Filter {
        OPEN, DONE, OVERDUE
    }

    /** What is asked of an agreement's status or due date; {@code null} leaves a field as it is. */
    public record Change(Agreement.Status status, LocalDate dueDate) {
    }

    /** Makes an agreement on a case and tells its owner; empty when there is no such case. */
    public Optional<AgreementRecord> make(String caseId, String description, String ownerPartner, LocalDate dueDate,
                                          String meetingId, String by) {
        return transactions.run(store -> store.caseRecord(caseId).map(caseRecord -> {
            Instant now = clock.instant();
            Agreement agreement = new Agreement(UUID.randomUUID().toString(), caseId, description, ownerPartner,
                    dueDate, Agreement.Status.OPEN);
            AgreementRecord record = new AgreementRecord(agreement, meetingId, LocalDate.now(clock), now, by, null,
                    null, null);
            store.table().addAgreement(record);
            notifier.agreement(store, agreement, caseRecord.youthId(), "Agreement for you, due " + dueDate + ": "
                    + description, now);
            return record;
        }));
    }

    public Optional<AgreementRecord> read(String agreementId) {
        return transactions.run(store -> store.table().agreement(agreementId));
    }

    /**
     * Agreements, by due date.
     *
     * @param filter which ({@code null}: all)
     * @param ownerPartner only those this partner owns ({@code null}: every owner's)
     */
    public List<AgreementRecord> list(Filter filter, String ownerPartner) {
        LocalDate today = LocalDate.now(clock);
        Agreement.Status status = filter == null ? null : filter == Filter.DONE ? Agreement.Status.DONE
                : Agreement.Status.OPEN;
        return transactions.run(store -> store.table().agreements(status, ownerPartner)).stream()
                .filter(record -> filter != Filter.OVERDUE || record.agreement().isOverdueOn(today))
                .toList();
    }

    /** Marks an agreement done (or open again) or moves its due date; empty when there is no such agreement. */
    public Optional<AgreementRecord> change(String agreementId, Change change, String by) {
        return transactions.run(store -> store.table().agreement(agreementId).map(record -> {
            Agreement agreement = record.agreement();
            if (change.status() == Agreement.Status.DONE && agreement.status() != Agreement.Status.DONE) {
                store.table().markAgreementDone(agreementId, LocalDate.now(clock), by);
            } else if (change.status() == Agreement.Status.OPEN && agreement.status() != Agreement.Status.OPEN) {
                store.table().reopenAgreement(agreementId);
            }
            if (change.dueDate() != null && !change.dueDate().equals(agreement.dueDate())) {
                store.table().changeDueDate(agreementId, change.dueDate());
            }
            return store.table().agreement(agreementId).orElseThrow();
        }));
    }

    /** Whether the agreement is overdue today. */
    public boolean isOverdue(AgreementRecord record) {
        return record.agreement().isOverdueOn(LocalDate.now(clock));
    }

    /** Tells the owner of every agreement that became overdue, once; returns how many were told. */
    public int notifyOverdue() {
        LocalDate today = LocalDate.now(clock);
        return transactions.run(store -> {
            List<AgreementRecord> overdue = store.table().overdueNotNotified(today);
            Instant now = clock.instant();
            for (AgreementRecord record : overdue) {
                Agreement agreement = record.agreement();
                notifier.agreement(store, agreement, youthOf(store, agreement.caseId()), "Agreement overdue, it was due "
                        + agreement.dueDate() + ": " + agreement.description(), now);
                store.table().markOverdueNotified(agreement.id(), now);
            }
            return overdue.size();
        });
    }

    private static String youthOf(Store store, String caseId) {
        return store.caseRecord(caseId).map(CaseRecord::youthId).orElseThrow();
    }
}
