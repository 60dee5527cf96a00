package nl.zorgtafel.core.internal.store;

import static nl.zorgtafel.core.internal.store.Jdbc.instant;
import static nl.zorgtafel.core.internal.store.Jdbc.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The crisis path, measure requests and alerts in portable SQL, over the transaction's connection. */
final class JdbcCrisisStore implements CrisisStore {

    private static final String CRISIS_COLUMNS = "id, case_id, signal_id, reported_by, raised_at, notification_id,"
            + " acknowledged_at, acknowledged_by, alerted_at";
    private static final String ALERT_COLUMNS = "id, case_id, kind, summary, crisis_id, raised_at, resolved_at,"
            + " resolved_by";

    private final Jdbc jdbc;

    JdbcCrisisStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addCrisis(CrisisRecord c) {
        jdbc.update("INSERT INTO crisis (id, case_id, signal_id, reported_by, raised_at, notification_id,"
                        + " acknowledged_at, acknowledged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.caseId(), c.signalId(), c.reportedBy(), Timestamp.from(c.raisedAt()),
                Jdbc.nullable(c.notificationId()), timestamp(c.acknowledgedAt()), Jdbc.nullable(c.acknowledgedBy()));
    }

    @Override
    public java.util.Optional<NotificationState> notificationState(String notificationId) {
        return jdbc.queryOne("SELECT notification_id, status, attempts, delivered_at FROM outbox"
                + " WHERE notification_id = ?", row -> new NotificationState(row.getString(1), row.getString(2),
                row.getInt(3), instant(row, 4)), notificationId);
    }

    @Override
    public List<CrisisRecord> crisesOf(String caseId) {
        return jdbc.query("SELECT " + CRISIS_COLUMNS + " FROM crisis WHERE case_id = ? ORDER BY raised_at, id",
                JdbcCrisisStore::crisis, caseId);
    }

    @Override
    public List<CrisisRecord> unacknowledged(Instant raisedBy) {
        return jdbc.query("SELECT " + CRISIS_COLUMNS + " FROM crisis WHERE acknowledged_at IS NULL"
                        + " AND alerted_at IS NULL AND raised_at <= ? ORDER BY raised_at, id", JdbcCrisisStore::crisis,
                Timestamp.from(raisedBy));
    }

    @Override
    public int acknowledge(String caseId, Instant at, String by) {
        return jdbc.update("UPDATE crisis SET acknowledged_at = ?, acknowledged_by = ? WHERE case_id = ?"
                + " AND acknowledged_at IS NULL", Timestamp.from(at), by, caseId);
    }

    @Override
    public void markAlerted(String crisisId, Instant at) {
        jdbc.update("UPDATE crisis SET alerted_at = ? WHERE id = ?", Timestamp.from(at), crisisId);
    }

    @Override
    public void addMeasureRequest(MeasureRequest r) {
        jdbc.update("INSERT INTO measure_request (id, case_id, partner_id, kind, requested_on, note, requested_at,"
                        + " requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.caseId(), r.partnerId(), r.kind(), Jdbc.date(r.requestedOn()), r.note(),
                Timestamp.from(r.requestedAt()), r.requestedBy());
    }

    @Override
    public List<MeasureRequest> measureRequestsOf(String caseId) {
        return jdbc.query("SELECT id, case_id, partner_id, kind, requested_on, note, requested_at, requested_by"
                        + " FROM measure_request WHERE case_id = ? ORDER BY requested_on, requested_at, id",
                row -> new MeasureRequest(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        Jdbc.localDate(row, 5), row.getString(6), row.getTimestamp(7).toInstant(), row.getString(8)),
                caseId);
    }

    @Override
    public void addAlert(Alert a) {
        jdbc.update("INSERT INTO alert (id, case_id, kind, summary, crisis_id, raised_at) VALUES (?, ?, ?, ?, ?, ?)",
                a.id(), a.caseId(), a.kind(), a.summary(), Jdbc.nullable(a.crisisId()), Timestamp.from(a.raisedAt()));
    }

    @Override
    public List<Alert> alerts(Boolean open) {
        String where = open == null ? "" : open ? " WHERE resolved_at IS NULL" : " WHERE resolved_at IS NOT NULL";
        return jdbc.query("SELECT " + ALERT_COLUMNS + " FROM alert" + where + " ORDER BY raised_at DESC, id",
                JdbcCrisisStore::alert);
    }

    @Override
    public List<Alert> alertsOf(String caseId) {
        return jdbc.query("SELECT " + ALERT_COLUMNS + " FROM alert WHERE case_id = ? ORDER BY raised_at, id",
                JdbcCrisisStore::alert, caseId);
    }

    @Override
    public int resolveAlerts(String caseId, String kind, Instant at, String by) {
        return jdbc.update("UPDATE alert SET resolved_at = ?, resolved_by = ? WHERE case_id = ? AND kind = ?"
                + " AND resolved_at IS NULL", Timestamp.from(at), by, caseId, kind);
    }

    @Override
    public int moveCase(String fromCaseId, String toCaseId) {
        return jdbc.update("UPDATE crisis SET case_id = ? WHERE case_id = ?", toCaseId, fromCaseId)
                + jdbc.update("UPDATE measure_request SET case_id = ? WHERE case_id = ?", toCaseId, fromCaseId)
                + jdbc.update("UPDATE alert SET case_id = ? WHERE case_id = ?", toCaseId, fromCaseId);
    }

    private static CrisisRecord crisis(ResultSet row) throws SQLException {
        return new CrisisRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getTimestamp(5).toInstant(), row.getString(6), instant(row, 7), row.getString(8), instant(row, 9));
    }

    private static Alert alert(ResultSet row) throws SQLException {
        return new Alert(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getTimestamp(6).toInstant(), instant(row, 7), row.getString(8));
    }
}
