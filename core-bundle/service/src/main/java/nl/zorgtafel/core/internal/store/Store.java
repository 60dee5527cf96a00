package nl.zorgtafel.core.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.Youth;

/**
 * Every read and write of the platform's data. All SQL lives behind this interface, in
 * one implementation ({@link JdbcStore}); a store is bound to one transaction, opened by
 * {@link Transactions#run}.
 *
 * <p>Personal data arrive here already protected: BSNs as pseudonym and ciphertext, raw
 * messages as ciphertext.
 */
public interface Store {

    /** The outbox, in the same transaction. */
    OutboxStore outbox();

    /** Meetings, agendas and agreements, in the same transaction. */
    TableStore table();

    /** Match candidates and merges, in the same transaction. */
    MatchStore matches();

    /** The crisis path, measure requests and alerts, in the same transaction. */
    CrisisStore crises();

    /** The audit trail, in the same transaction. */
    AuditStore audit();

    /** Erasure of personal data and the subject access export, in the same transaction. */
    PrivacyStore privacy();

    /** The counts of failed logins, in the same transaction. */
    LoginStore logins();

    // ---- the inbox ----

    Optional<InboxEntry> inboxEntry(String partnerId, String messageKey);

    Optional<InboxEntry> inboxEntry(long seq);

    /** The first message of a partner with this body. */
    Optional<InboxEntry> inboxEntryByBody(String partnerId, String bodySha256);

    /** Adds a received message as {@code PENDING}; returns its arrival sequence number. */
    long addToInbox(String partnerId, String messageKey, String bodySha256, String mediaType, String charset,
                    byte[] encryptedBody, Instant receivedAt);

    /** The partner's oldest pending messages, in arrival order. */
    List<InboxEntry> pendingInbox(String partnerId, int limit);

    void recordOutcome(long seq, InboxStatus status, String detailJson, List<String> caseIds, Long duplicateOf,
                       Instant processedAt);

    /** Gives a message received under a provisional key the id its format carries. */
    void rekeyInboxEntry(long seq, String messageKey);

    Map<String, Long> pendingInboxByPartner();

    // ---- youths and cases ----

    Optional<String> youthIdByPseudonym(String bsnPseudonym);

    void addYouth(String id, String bsnPseudonym, String bsnEncrypted, String givenName, String familyName,
                  LocalDate birthDate, Instant createdAt);

    Optional<Youth> youth(String youthId);

    /** The youth's most recent case, open or closed. */
    Optional<CaseRecord> latestCaseOf(String youthId);

    void addCase(CaseRecord caseRecord, Instant createdAt);

    void markCrisis(String caseId);

    /** Records that a partner is involved in a case; true when it was not before. */
    boolean involvePartner(String caseId, String partnerId, Instant since);

    /** The case that already holds what a partner reported under a reference. */
    Optional<String> caseOfEntry(EntryType type, String partnerId, String reference);

    // ---- what partners report, keyed by partner and reference (a repeat updates) ----

    String upsertSignal(String caseId, String partnerId, Signal signal, Instant at);

    String upsertTrajectory(String caseId, String partnerId, CareTrajectory trajectory, Instant at);

    void deleteTrajectory(String partnerId, String reference);

    String upsertMeasure(String caseId, String partnerId, Measure measure, Instant at);

    String upsertInvestigation(String caseId, String partnerId, Investigation investigation, Instant at);

    String upsertAdvice(String caseId, String partnerId, Advice advice, Instant at);

    // ---- a case's life: close, reopen, merge ----

    /** Closes a case; the retention clock runs from {@code on}. */
    void closeCase(String caseId, LocalDate on, String reason);

    /** Opens a closed case again; its retention clock stops. */
    void reopenCase(String caseId);

    void addStatusChange(StatusChange change);

    /** The case's status changes, oldest first. */
    List<StatusChange> statusChangesOf(String caseId);

    /** What a case's record does not carry: where it was merged into, and its retention clock. */
    Optional<CaseLife> caseLife(String caseId);

    /** The youth's cases, merged ones left out, oldest first. */
    List<CaseRecord> casesOf(String youthId);

    /** Makes a case another youth's (a confirmed merge of youths). */
    void reassignCase(String caseId, String youthId);

    /**
     * Moves what partners reported from one case to another, and involves the first case's
     * partners in the second too; returns how many entries moved.
     */
    int moveEntries(String fromCaseId, String toCaseId);

    /** Marks a case as absorbed by another: status {@code merged}. */
    void markCaseMerged(String caseId, String intoCaseId);

    void setRepeatOf(String caseId, String repeatOf);

    Optional<YouthKeys> youthKeys(String youthId);

    /** Links a BSN (as pseudonym and ciphertext) to a youth; {@code null}s unlink it. */
    void setYouthBsn(String youthId, String bsnPseudonym, String bsnEncrypted);

    void markYouthMerged(String youthId, String intoYouthId);

    // ---- for the table's agenda and reports ----

    /** Cases closed on a day in {@code [from, to]}, by closing date. */
    List<CaseRecord> casesClosedBetween(LocalDate from, LocalDate to);

    /** The cases that repeat this closed case. */
    List<CaseRecord> repeatsOf(String closedCaseId);

    /**
     * Open cases with a crisis signal observed after {@code observedAfter} or registered
     * after {@code registeredAfter}.
     */
    Set<String> openCasesWithCrisisSince(LocalDate observedAfter, Instant registeredAfter);

    // ---- reads ----

    /**
     * Cases, newest first.
     *
     * @param status only cases with this status, or all when {@code null}
     * @param involvedPartner only cases this partner is involved in, or all when {@code null}
     */
    List<CaseRecord> cases(String status, String involvedPartner);

    Optional<CaseRecord> caseRecord(String caseId);

    Set<String> partnersOf(String caseId);

    List<Recorded<Signal>> signalsOf(String caseId);

    List<Recorded<CareTrajectory>> trajectoriesOf(String caseId);

    List<Recorded<Measure>> measuresOf(String caseId);

    List<Recorded<Investigation>> investigationsOf(String caseId);

    List<Recorded<Advice>> adviceOf(String caseId);

    /** The kinds of entry a partner reports under its own reference. */
    enum EntryType {
        SIGNAL("case_signal"),
        TRAJECTORY("trajectory"),
        MEASURE("measure"),
        INVESTIGATION("investigation"),
        ADVICE("advice");

        final String table;

        EntryType(String table) {
            this.table = table;
        }
    }

    /** Where a message in the inbox stands. */
    enum InboxStatus {
        PENDING, PROCESSED, REJECTED
    }

    /**
     * A message in the inbox; the body is still encrypted.
     *
     * @param detailJson the faults of a rejected message, or what a processed one ignored
     */
    record InboxEntry(long seq, String partnerId, String messageKey, String bodySha256, String mediaType,
                      String charset, byte[] encryptedBody, Instant receivedAt, InboxStatus status,
                      Long duplicateOf, String detailJson, List<String> caseIds) {
    }

    /** A case as stored. */
    record CaseRecord(String id, String youthId, String status, LocalDate openedOn, boolean crisis, String repeatOf,
                      LocalDate closedOn, String closeReason) {
    }

    /** A change of a case's status ({@code closed}, {@code open}, {@code merged}), who made it and why. */
    record StatusChange(String caseId, String status, String reason, LocalDate on, Instant at, String by) {
    }

    /**
     * @param mergedInto the case that absorbed this one, or {@code null}
     * @param retentionFrom the day the retention clock started (the closing day), or
     *     {@code null} while the case is open
     */
    record CaseLife(String mergedInto, LocalDate retentionFrom) {
    }

    /** A youth's BSN as the store keeps it (never in clear text), and whom they were merged into. */
    record YouthKeys(String bsnPseudonym, String bsnEncrypted, String mergedInto) {

        public boolean hasBsn() {
            return bsnPseudonym != null;
        }

        @Override
        public String toString() {
            return "YouthKeys[bsn=" + (hasBsn() ? "known" : "none") + "]";
        }
    }

    /** Something a partner reported, with the table's id for it and who reported it. */
    record Recorded<T>(String id, String partnerId, T value) {
    }
}
