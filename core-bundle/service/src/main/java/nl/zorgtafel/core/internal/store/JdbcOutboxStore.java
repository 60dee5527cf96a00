package nl.zorgtafel.core.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.api.partner.Notification;

/** The outbox in portable SQL, over the transaction's connection. */
final class JdbcOutboxStore implements OutboxStore {

    private static final String COLUMNS = "o.seq, o.notification_id, o.partner_id, o.kind, o.case_id, o.youth_id,"
            + " o.summary, o.agreement_id, o.created_at, o.status, o.attempts, o.next_attempt_at, o.last_error";

    private final Jdbc jdbc;

    JdbcOutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long addToOutbox(String notificationId, String partnerId, Notification.Kind kind, String caseId,
                            String youthId, String summary, String agreementId, Instant createdAt) {
        return jdbc.insert("INSERT INTO outbox (notification_id, partner_id, kind, case_id, youth_id, summary,"
                        + " agreement_id, created_at, status, attempts, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                notificationId, partnerId, kind.name(), caseId, youthId, summary == null ? "" : summary,
                Jdbc.nullable(agreementId), Timestamp.from(createdAt), Status.PENDING.name(),
                Timestamp.from(createdAt));
    }

    @Override
    public List<OutboxEntry> deliverable(String partnerId, Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox o WHERE o.partner_id = ? AND o.status = ?"
                        + " AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outbox e"
                        + " WHERE e.partner_id = o.partner_id AND e.youth_id = o.youth_id AND e.status = ?"
                        + " AND e.seq < o.seq) ORDER BY o.seq",
                limit, JdbcOutboxStore::entry, partnerId, Status.PENDING.name(), Timestamp.from(now),
                Status.PENDING.name());
    }

    @Override
    public void markDelivered(long seq, Instant at) {
        jdbc.update("UPDATE outbox SET status = ?, delivered_at = ?, last_error = NULL WHERE seq = ?",
                Status.DELIVERED.name(), Timestamp.from(at), seq);
    }

    @Override
    public void markFailed(long seq, int attempts, Instant nextAttemptAt, String error, boolean dead) {
        jdbc.update("UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE seq = ?",
                (dead ? Status.DEAD : Status.PENDING).name(), attempts, Timestamp.from(nextAttemptAt),
                error.length() > 500 ? error.substring(0, 500) : error, seq);
    }

    @Override
    public int replayDeadLetters(String partnerId, Instant now) {
        return jdbc.update("UPDATE outbox SET status = ?, attempts = 0, next_attempt_at = ? WHERE partner_id = ?"
                + " AND status = ?", Status.PENDING.name(), Timestamp.from(now), partnerId, Status.DEAD.name());
    }

    @Override
    public List<OutboxEntry> deadLetters(String partnerId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox o WHERE o.partner_id = ? AND o.status = ?"
                + " ORDER BY o.seq", Integer.MAX_VALUE, JdbcOutboxStore::entry, partnerId, Status.DEAD.name());
    }

    @Override
    public Map<String, Long> outboxCountByPartner(Status status) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT partner_id, COUNT(*) FROM outbox WHERE status = ? GROUP BY partner_id",
                row -> counts.put(row.getString(1), row.getLong(2)), status.name());
        return counts;
    }

    @Override
    public Map<String, String> lastOutboxErrorByPartner() {
        Map<String, String> errors = new LinkedHashMap<>();
        jdbc.query("SELECT o.partner_id, o.last_error FROM outbox o WHERE o.last_error IS NOT NULL AND o.status <> ?"
                        + " AND o.seq = (SELECT MAX(e.seq) FROM outbox e WHERE e.partner_id = o.partner_id"
                        + " AND e.last_error IS NOT NULL AND e.status <> ?)",
                row -> errors.put(row.getString(1), row.getString(2)), Status.DELIVERED.name(),
                Status.DELIVERED.name());
        return errors;
    }

    private static OutboxEntry entry(ResultSet row) throws SQLException {
        return new OutboxEntry(row.getLong(1), row.getString(2), row.getString(3),
                Notification.Kind.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getTimestamp(9).toInstant(), Status.valueOf(row.getString(10)), row.getInt(11),
                row.getTimestamp(12).toInstant(), row.getString(13));
    }
}
