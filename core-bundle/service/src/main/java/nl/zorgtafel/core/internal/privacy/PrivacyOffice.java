package nl.zorgtafel.core.internal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.access.PartnerCategory;
import nl.zorgtafel.core.internal.access.Purpose;
import nl.zorgtafel.core.internal.audit.AuditEvent;
import nl.zorgtafel.core.internal.audit.AuditEvent.Action;
import nl.zorgtafel.core.internal.audit.AuditEvent.Outcome;
import nl.zorgtafel.core.internal.audit.AuditTrail;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.store.AuditStore;
import nl.zorgtafel.core.internal.store.PrivacyStore;
import nl.zorgtafel.core.internal.store.PrivacyStore.ErasureRecord;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy officer's work: everything about one youth (subject access, AVG art. 15),
 * erasure of a youth on a legal order (art. 17), and retention — a closed case's personal
 * data erased {@code retentionMonths} after it closed, audit records removed after
 * {@code auditRetentionYears}. Each erasure is recorded (what, when, why; no personal data)
 * and audited.
 */
public final class PrivacyOffice {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyOffice.class);

    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final int retentionMonths;
    private final int auditRetentionYears;

    /** Everything the table holds about one youth. */
    public record SubjectExport(Youth youth, boolean bsnRecorded, List<CaseFile> cases,
                                List<PrivacyStore.MessageTrace> messages, List<ErasureRecord> erasures,
                                List<AuditStore.Row> accesses) {
    }

    /** What an erasure did. */
    public record Erasure(String youthId, int cases, int entries, int messages) {
    }

    /** What a retention pass did. */
    public record RetentionRun(int casesErased, int youthsErased, int auditRecordsRemoved) {
    }

    public PrivacyOffice(Transactions transactions, AuditTrail audit, Clock clock, int retentionMonths,
                         int auditRetentionYears) {
        if (retentionMonths < 12) {
            throw new IllegalArgumentException("retentionMonths must be at least 12: the table recognises a repeat "
                    + "within 12 months of a case closing");
        }
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.retentionMonths = retentionMonths;
        this.auditRetentionYears = Math.max(1, auditRetentionYears);
    }

    public int retentionMonths() {
        return retentionMonths;
    }

    public int auditRetentionYears() {
        return auditRetentionYears;
    }

    /** Everything about the youth, or nothing when there is no such youth. */
    public Optional<SubjectExport> export(String youthId) {
        Optional<SubjectExport> export = transactions.run(store -> {
            PrivacyStore privacy = store.privacy();
            if (!privacy.youthExists(youthId)) {
                return Optional.<SubjectExport>empty();
            }
            Youth youth = store.youth(youthId).orElseThrow();
            List<CaseFile> cases = new ArrayList<>();
            List<PrivacyStore.MessageTrace> messages = new ArrayList<>();
            for (String caseId : privacy.allCasesOf(youthId)) {
                store.caseRecord(caseId).ifPresent(record -> cases.add(CaseFile.read(store, record)));
                messages.addAll(privacy.messagesAbout(caseId));
            }
            boolean bsn = store.youthKeys(youthId).map(Store.YouthKeys::hasBsn).orElse(false);
            return Optional.of(new SubjectExport(youth, bsn, cases, messages, privacy.erasuresOf(youthId),
                    List.of()));
        });
        return export.map(found -> new SubjectExport(found.youth(), found.bsnRecorded(), found.cases(),
                found.messages(), found.erasures(), audit.search(new AuditTrail.Query(null, youthId, null, null, null,
                        10_000))));
    }

    /**
     * Erases everything about a youth on a legal order: the content of every case, the raw
     * messages, and the youth's identity (with the youths merged into them). Empty when there
     * is no such youth.
     */
    public Optional<Erasure> erase(String youthId, String legalBasis, String reference, String by) {
        Instant now = clock.instant();
        return transactions.run(store -> {
            PrivacyStore privacy = store.privacy();
            if (!privacy.youthExists(youthId)) {
                return Optional.<Erasure>empty();
            }
            List<String> youths = new ArrayList<>(List.of(youthId));
            youths.addAll(privacy.youthsMergedInto(youthId));
            int cases = 0;
            int entries = 0;
            int messages = 0;
            for (String youth : youths) {
                for (String caseId : privacy.allCasesOf(youth)) {
                    PrivacyStore.Erased erased = privacy.eraseCase(caseId, now);
                    cases++;
                    entries += erased.entries();
                    messages += erased.messages();
                }
                privacy.eraseYouth(youth, now);
            }
            privacy.recordErasure(new ErasureRecord(UUID.randomUUID().toString(), youthId, null, "legal-order",
                    legalBasis, reference, entries, messages, now, by));
            return Optional.of(new Erasure(youthId, cases, entries, messages));
        });
    }

    /**
     * One retention pass: erases the content of cases closed more than {@code retentionMonths}
     * ago (and the identity of a youth left with no other case), then removes audit records
     * older than {@code auditRetentionYears}. Every erasure is audited.
     */
    public RetentionRun runRetention(String by, String channel) {
        Instant now = clock.instant();
        LocalDate cutoff = LocalDate.now(clock).minusMonths(retentionMonths);
        List<String> due = transactions.run(store -> store.privacy().closedCasesRetainedBefore(cutoff));
        int youthsErased = 0;
        for (String caseId : due) {
            String[] outcome = transactions.run(store -> {
                PrivacyStore privacy = store.privacy();
                String youthId = store.caseRecord(caseId).orElseThrow().youthId();
                PrivacyStore.Erased erased = privacy.eraseCase(caseId, now);
                boolean youthGone = !privacy.hasUnerasedCase(youthId);
                if (youthGone) {
                    privacy.eraseYouth(youthId, now);
                }
                privacy.recordErasure(new ErasureRecord(UUID.randomUUID().toString(), youthId, caseId, "retention",
                        "retention period of " + retentionMonths + " months ended", null, erased.entries(),
                        erased.messages(), now, by));
                return new String[] {youthId, Boolean.toString(youthGone)};
            });
            if (Boolean.parseBoolean(outcome[1])) {
                youthsErased++;
            }
            audit.record(event(Action.ERASE, "retention: case", Purpose.RETENTION, by, channel, caseId, outcome[0],
                    "case content erased; youth " + (Boolean.parseBoolean(outcome[1]) ? "erased" : "kept")));
        }
        Instant auditCutoff = now.atOffset(ZoneOffset.UTC).minusYears(auditRetentionYears).toInstant();
        AuditTrail.Removal removal = audit.removeOlderThan(auditCutoff, event(Action.RETENTION,
                "retention: audit trail", Purpose.RETENTION, by, channel, null, null, null));
        if (!due.isEmpty() || removal.removed() > 0) {
            LOG.info("Retention erased {} case(s), {} youth(s) and removed {} audit record(s)", due.size(),
                    youthsErased, removal.removed());
        }
        return new RetentionRun(due.size(), youthsErased, removal.removed());
    }

    private AuditEvent event(Action action, String resource, Purpose purpose, String by, String channel,
                             String caseId, String youthId, String detail) {
        return new AuditEvent(AuditTrail.newEventId(), clock.instant(), action, resource, Outcome.SUCCESS, 0, by, null,
                "", purpose.code(), purpose.legalBasis(PartnerCategory.OTHER), caseId, youthId, null, null, channel,
                "localhost", detail);
    }
}
