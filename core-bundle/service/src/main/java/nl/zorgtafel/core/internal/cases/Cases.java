package nl.zorgtafel.core.internal.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The cases of the table: signals registered directly through the API, and the reads of
 * cases and their timelines. Who may see what is decided by the caller of these methods
 * through {@link CaseFile#partners()}; this class only reads and writes.
 */
public final class Cases {

    private final Transactions transactions;
    private final EventApplier applier;

    public Cases(Transactions transactions, EventApplier applier) {
        this.transactions = transactions;
        this.applier = applier;
    }

    /** A signal registered: its id, its case, its youth, and whether the youth was known. */
    public record SignalRegistered(String signalId, String caseId, String youthId, boolean matched) {
    }

    public SignalRegistered registerSignal(String partnerId, YouthIdentity youth, Signal signal) {
        return transactions.run(store -> {
            EventApplier.Placed placed = applier.apply(store, partnerId,
                    List.of(new PartnerEvent.SignalReported(youth, signal))).placed().get(0);
            return new SignalRegistered(placed.entryId(), placed.caseId(), placed.youthId(), placed.youthMatched());
        });
    }

    /** A line of the case list: the case, its youth, and the partners involved. */
    public record CaseListing(CaseRecord caseRecord, Youth youth, Set<String> partners) {
    }

    /**
     * The cases with this status (or all), newest first.
     *
     * @param involvedPartner only cases this partner is involved in, or {@code null} for all
     */
    public List<CaseListing> list(String status, String involvedPartner) {
        return transactions.run(store -> store.cases(status, involvedPartner).stream()
                .map(record -> new CaseListing(record, store.youth(record.youthId()).orElseThrow(),
                        store.partnersOf(record.id())))
                .toList());
    }

    public Optional<CaseFile> read(String caseId) {
        return transactions.run(store -> store.caseRecord(caseId).map(record -> CaseFile.read(store, record)));
    }

    public Optional<CaseRecord> record(String caseId) {
        return transactions.run(store -> store.caseRecord(caseId));
    }
}
