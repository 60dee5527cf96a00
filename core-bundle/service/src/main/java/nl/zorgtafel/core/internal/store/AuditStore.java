package nl.zorgtafel.core.internal.store;

import java.util.List;
import java.util.Optional;

/**
 * The audit trail's part of the store: rows appended to a hash chain, its head and anchor,
 * reads for the privacy officer and for verification, and removal of rows past their
 * retention. Rows are never updated.
 */
public interface AuditStore {

    /** The hash that stands before the first row of a chain. */
    String GENESIS = "0".repeat(64);

    /**
     * One audited event as stored. Every text is free of personal content (the audit trail
     * checks that before it gets here).
     *
     * @param occurredAt UTC, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}
     */
    record Row(long seq, String eventId, String occurredAt, String action, String resource, String outcome,
               int httpStatus, String userName, String partnerId, String roles, String purpose, String legalBasis,
               String caseId, String youthId, String youthPseudonym, String objectId, String channel,
               String sourceAddress, String detail, String previousHash, String hash) {
    }

    /**
     * The chain's head: the last row appended, and the anchor the chain starts from (the
     * last row removed by retention, or sequence 0 and {@link #GENESIS}).
     */
    record Head(long lastSeq, String lastHash, long anchorSeq, String anchorHash) {
    }

    /** Reads the head and locks it until the transaction ends, so that appends queue up. */
    Head lockHead();

    Head head();

    void append(Row row);

    void moveHead(long lastSeq, String lastHash);

    void moveAnchor(long anchorSeq, String anchorHash);

    /** Rows after {@code afterSeq}, oldest first, at most {@code limit}. */
    List<Row> rowsAfter(long afterSeq, int limit);

    Optional<Row> row(long seq);

    /**
     * Rows newest first, filtered by whatever is not {@code null}.
     *
     * @param caseId rows about this case
     * @param youthId rows about this youth
     * @param from rows at or after this UTC time text
     * @param to rows before this UTC time text
     */
    List<Row> search(String caseId, String youthId, String userName, String from, String to, int limit);

    /** The last row that occurred before this UTC time text, if any. */
    Optional<Row> lastBefore(String occurredAt);

    /** Removes the rows up to and including {@code seq}; returns how many. */
    int removeThrough(long seq);

    long count();

    /** The youth whose case this is, and that youth's BSN pseudonym (may be absent). */
    Optional<String[]> youthOfCase(String caseId);

    /** The BSN pseudonym of a youth, if the youth has a BSN. */
    Optional<String> pseudonymOfYouth(String youthId);
}
