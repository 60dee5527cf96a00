package nl.zorgtafel.core.internal.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.zorgtafel.core.internal.privacy.BsnScrubber;
import nl.zorgtafel.core.internal.store.AuditStore;
import nl.zorgtafel.core.internal.store.AuditStore.Head;
import nl.zorgtafel.core.internal.store.AuditStore.Row;
import nl.zorgtafel.core.internal.store.GroupCommit;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The audit trail (NEN 7513): appends events to a hash chain in the database, reads them for
 * the privacy officer, verifies the chain, and removes what is past its retention while the
 * rest stays verifiable.
 *
 * <p>Appending uses group commit, like the inbox: events of concurrent requests share one
 * transaction, and each request waits until its event is committed, so no answer leaves
 * before its audit record is stored. Every text is cut to its column and scrubbed of
 * BSN-like numbers before it is hashed; the youth's id and BSN pseudonym are looked up from
 * the case in the same transaction.
 */
public final class AuditTrail {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_BATCH = 200;
    private static final int VERIFY_PAGE = 1_000;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final java.util.regex.Pattern UUID_SHAPE =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Transactions transactions;
    private final Clock clock;
    private final GroupCommit<AuditEvent, Long> commits;

    /** The outcome of a verification of the whole chain. */
    public record Verification(boolean valid, long checkedRows, long anchorSeq, long lastSeq, String lastHash,
                               Long brokenAtSeq, String problem) {
    }

    /** What a retention pass removed: the rows up to and including {@code throughSeq}. */
    public record Removal(int removed, long throughSeq) {
    }

    /** A filter for the privacy officer's reads; {@code null} fields do not filter. */
    public record Query(String caseId, String youthId, String userName, Instant from, Instant to, int limit) {
    }

    /**
     * @param writer runs the group commits, one at a time (a single-thread executor)
     */
    public AuditTrail(Transactions transactions, Clock clock, Executor writer) {
        this.transactions = transactions;
        this.clock = clock;
        this.commits = new GroupCommit<>("audit records", transactions, writer, MAX_BATCH, AuditTrail::appendAll);
    }

    /** The UTC text form in which times are stored and hashed. */
    public static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A new event id. */
    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Appends an event and waits until it is committed; returns its sequence number.
     *
     * @throws AuditUnavailableException when it could not be stored: the caller must not
     *     hand out what the event was about
     */
    public long record(AuditEvent event) {
        CompletableFuture<Long> stored = commits.submit(event);
        try {
            return stored.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while the audit record was stored", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditUnavailableException("the audit record could not be stored", e);
        }
    }

    /** Appends one event in a transaction the caller runs, so that it commits with what it records. */
    public static void appendIn(Store store, AuditEvent event) {
        appendAll(store, List.of(event));
    }

    /** Appends events in a transaction the caller runs, so that they commit with what they record. */
    public static void appendIn(Store store, List<AuditEvent> events) {
        appendAll(store, events);
    }

    /**
     * Appends events to the chain in the store's transaction, under the head's lock. The
     * youths are looked up before the lock is taken: a transaction that holds the head must
     * wait for nothing that another transaction — applying a message, holding a case's rows
     * and waiting for the head in turn — could hold, or the two wait for each other until
     * Derby's deadlock check (20 s) picks one.
     */
    static List<Long> appendAll(Store store, List<AuditEvent> events) {
        AuditStore audit = store.audit();
        List<AuditEvent> resolved = events.stream().map(event -> resolveYouth(audit, event)).toList();
        Head head = audit.lockHead();
        long seq = head.lastSeq();
        String previous = head.lastHash();
        List<Long> seqs = new ArrayList<>(events.size());
        for (AuditEvent event : resolved) {
            seq++;
            Row row = row(audit, seq, event, previous);
            audit.append(row);
            previous = row.hash();
            seqs.add(seq);
        }
        audit.moveHead(seq, previous);
        return seqs;
    }

    private static AuditEvent resolveYouth(AuditStore audit, AuditEvent event) {
        if (event.youthId() == null && event.caseId() != null) {
            Optional<String[]> youth = audit.youthOfCase(event.caseId());
            if (youth.isPresent()) {
                return event.aboutYouth(youth.get()[0], youth.get()[1]);
            }
        } else if (event.youthId() != null && event.youthPseudonym() == null) {
            return event.aboutYouth(event.youthId(), audit.pseudonymOfYouth(event.youthId()).orElse(null));
        }
        return event;
    }

    private static Row row(AuditStore audit, long seq, AuditEvent event, String previousHash) {
        Row unhashed = new Row(seq, event.eventId(), utc(event.occurredAt()), event.action().code(),
                clean(event.resource(), 120), event.outcome().code(), event.httpStatus(), clean(event.userName(), 200),
                clean(event.partnerId(), 64), clean(event.roles(), 500), clean(event.purpose(), 64),
                clean(event.legalBasis(), 200), cleanId(event.caseId(), 64), cleanId(event.youthId(), 36),
                own(event.youthPseudonym(), 64), cleanId(event.objectId(), 200), clean(event.channel(), 16),
                clean(event.sourceAddress(), 64), own(event.detail(), 500), previousHash, null);
        return withHash(unhashed, AuditChain.hash(previousHash, unhashed));
    }

    private static Row withHash(Row row, String hash) {
        return new Row(row.seq(), row.eventId(), row.occurredAt(), row.action(), row.resource(), row.outcome(),
                row.httpStatus(), row.userName(), row.partnerId(), row.roles(), row.purpose(), row.legalBasis(),
                row.caseId(), row.youthId(), row.youthPseudonym(), row.objectId(), row.channel(),
                row.sourceAddress(), row.detail(), row.previousHash(), hash);
    }

    /** Scrubbed of BSN-like numbers and control characters, and cut to the column's width. */
    static String clean(String value, int width) {
        return value == null ? null : own(BsnScrubber.scrub(value), width);
    }

    /** An id: one of the table's own (a UUID) stays as it is, anything else is cleaned. */
    static String cleanId(String value, int width) {
        return value != null && UUID_SHAPE.matcher(value).matches() ? value : clean(value, width);
    }

    /** A text the platform wrote itself (a hash, a count): only control characters go. */
    static String own(String value, int width) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("\\p{Cntrl}", " ");
        return printable.length() <= width ? printable : printable.substring(0, width);
    }

    // ---- reading ----

    /** Records newest first, as the privacy officer asks for them. */
    public List<Row> search(Query query) {
        int limit = query.limit() <= 0 ? 500 : Math.min(query.limit(), 10_000);
        return transactions.run(store -> store.audit().search(query.caseId(), query.youthId(), query.userName(),
                query.from() == null ? null : utc(query.from()), query.to() == null ? null : utc(query.to()),
                limit));
    }

    /**
     * Verifies the chain from its anchor to its head: every row's hash, the link to the row
     * before it, no gap in the sequence, the head naming the last row, and (after retention
     * removed rows) an audited removal naming the anchor.
     */
    public Verification verify() {
        Head head = transactions.run(store -> store.audit().head());
        long expectedSeq = head.anchorSeq() + 1;
        String previous = head.anchorHash();
        long checked = 0;
        boolean anchorVouched = head.anchorSeq() == 0;
        String anchorNote = anchorNote(head.anchorSeq(), head.anchorHash());
        long after = head.anchorSeq();
        while (after < head.lastSeq()) {
            long from = after;
            List<Row> page = transactions.run(store -> store.audit().rowsAfter(from, VERIFY_PAGE));
            if (page.isEmpty() || page.get(0).seq() > head.lastSeq()) {
                break;
            }
            for (Row row : page) {
                if (row.seq() > head.lastSeq()) {
                    break;
                }
                if (row.seq() != expectedSeq) {
                    return broken(head, checked, expectedSeq, "record " + expectedSeq + " is missing");
                }
                if (!row.previousHash().equals(previous)) {
                    return broken(head, checked, row.seq(), "record " + row.seq()
                            + " does not follow the record before it");
                }
                if (!AuditChain.hash(previous, row).equals(row.hash())) {
                    return broken(head, checked, row.seq(), "record " + row.seq() + " was altered");
                }
                if (!anchorVouched && AuditEvent.Action.RETENTION.code().equals(row.action()) && row.detail() != null
                        && row.detail().contains(anchorNote)) {
                    anchorVouched = true;
                }
                previous = row.hash();
                expectedSeq++;
                checked++;
                after = row.seq();
            }
        }
        if (expectedSeq - 1 != head.lastSeq() || !previous.equals(head.lastHash())) {
            return broken(head, checked, expectedSeq, "the chain ends before its head: records were removed");
        }
        if (!anchorVouched) {
            return broken(head, checked, head.anchorSeq(), "no audited removal vouches for the chain's start");
        }
        return new Verification(true, checked, head.anchorSeq(), head.lastSeq(), head.lastHash(), null, null);
    }

    private static Verification broken(Head head, long checked, long at, String problem) {
        return new Verification(false, checked, head.anchorSeq(), head.lastSeq(), head.lastHash(), at, problem);
    }

    private static String anchorNote(long seq, String hash) {
        return "anchor " + seq + " " + hash;
    }

    // ---- retention ----

    /**
     * Removes the records that occurred before {@code cutoff}. The chain then starts from the
     * hash of the last removed record (its anchor), and the removal itself is appended as an
     * audited event that names the anchor.
     */
    public Removal removeOlderThan(Instant cutoff, AuditEvent removalEvent) {
        return transactions.run(store -> {
            AuditStore audit = store.audit();
            audit.lockHead();
            Optional<Row> last = audit.lastBefore(utc(cutoff));
            if (last.isEmpty()) {
                return new Removal(0, 0);
            }
            int removed = audit.removeThrough(last.get().seq());
            audit.moveAnchor(last.get().seq(), last.get().hash());
            String note = "removed " + removed + " record(s) older than " + utc(cutoff) + "; "
                    + anchorNote(last.get().seq(), last.get().hash());
            appendAll(store, List.of(new AuditEvent(removalEvent.eventId(), removalEvent.occurredAt(),
                    removalEvent.action(), removalEvent.resource(), removalEvent.outcome(), removalEvent.httpStatus(),
                    removalEvent.userName(), removalEvent.partnerId(), removalEvent.roles(), removalEvent.purpose(),
                    removalEvent.legalBasis(), null, null, null, null, removalEvent.channel(),
                    removalEvent.sourceAddress(), note)));
            return new Removal(removed, last.get().seq());
        });
    }

    public long count() {
        return transactions.run(store -> store.audit().count());
    }
}
