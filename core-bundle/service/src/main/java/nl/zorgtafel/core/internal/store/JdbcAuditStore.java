package nl.zorgtafel.core.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit trail in portable SQL, over the transaction's connection. */
final class JdbcAuditStore implements AuditStore {

    private static final String COLUMNS = "seq, event_id, occurred_at, action, resource, outcome, http_status,"
            + " user_name, partner_id, roles, purpose, legal_basis, case_id, youth_id, youth_pseudonym, object_id,"
            + " channel, source_address, detail, previous_hash, hash";

    private final Jdbc jdbc;

    JdbcAuditStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Head lockHead() {
        // an UPDATE takes the row lock on every database; the SELECT after it reads under it
        jdbc.update("UPDATE audit_head SET last_seq = last_seq WHERE id = 1");
        return head();
    }

    @Override
    public Head head() {
        return jdbc.queryOne("SELECT last_seq, last_hash, anchor_seq, anchor_hash FROM audit_head WHERE id = 1",
                row -> new Head(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)))
                .orElseThrow(() -> new IllegalStateException("the audit head row is missing"));
    }

    @Override
    public void append(Row row) {
        jdbc.update("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)",
                row.seq(), row.eventId(), row.occurredAt(), row.action(), row.resource(), row.outcome(),
                row.httpStatus(), row.userName(), Jdbc.nullable(row.partnerId()), row.roles(), row.purpose(),
                row.legalBasis(), Jdbc.nullable(row.caseId()), Jdbc.nullable(row.youthId()),
                Jdbc.nullable(row.youthPseudonym()), Jdbc.nullable(row.objectId()), row.channel(),
                row.sourceAddress(), Jdbc.nullable(row.detail()), row.previousHash(), row.hash());
    }

    @Override
    public void moveHead(long lastSeq, String lastHash) {
        jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", lastSeq, lastHash);
    }

    @Override
    public void moveAnchor(long anchorSeq, String anchorHash) {
        jdbc.update("UPDATE audit_head SET anchor_seq = ?, anchor_hash = ? WHERE id = 1", anchorSeq, anchorHash);
    }

    @Override
    public List<Row> rowsAfter(long afterSeq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_event WHERE seq > ? ORDER BY seq", limit,
                JdbcAuditStore::row, afterSeq);
    }

    @Override
    public Optional<Row> row(long seq) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM audit_event WHERE seq = ?", JdbcAuditStore::row, seq);
    }

    @Override
    public List<Row> search(String caseId, String youthId, String userName, String from, String to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            parameters.add(caseId);
        }
        if (youthId != null) {
            sql.append(" AND youth_id = ?");
            parameters.add(youthId);
        }
        if (userName != null) {
            sql.append(" AND user_name = ?");
            parameters.add(userName);
        }
        if (from != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(from);
        }
        if (to != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(to);
        }
        sql.append(" ORDER BY seq DESC");
        return jdbc.query(sql.toString(), limit, JdbcAuditStore::row, parameters.toArray());
    }

    @Override
    public Optional<Row> lastBefore(String occurredAt) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_event WHERE occurred_at < ? ORDER BY seq DESC", 1,
                JdbcAuditStore::row, occurredAt).stream().findFirst();
    }

    @Override
    public int removeThrough(long seq) {
        return jdbc.update("DELETE FROM audit_event WHERE seq <= ?", seq);
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM audit_event", row -> row.getLong(1)).orElse(0L);
    }

    @Override
    public Optional<String[]> youthOfCase(String caseId) {
        return jdbc.queryOne("SELECT c.youth_id, y.bsn_pseudonym FROM care_case c JOIN youth y ON y.id = c.youth_id"
                + " WHERE c.id = ?", row -> new String[] {row.getString(1), row.getString(2)}, caseId);
    }

    @Override
    public Optional<String> pseudonymOfYouth(String youthId) {
        return jdbc.query("SELECT bsn_pseudonym FROM youth WHERE id = ?", row -> Optional.ofNullable(row.getString(1)),
                youthId).stream().findFirst().flatMap(pseudonym -> pseudonym);
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getInt(7), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11), row.getString(12), row.getString(13), row.getString(14), row.getString(15),
                row.getString(16), row.getString(17), row.getString(18), row.getString(19), row.getString(20),
                row.getString(21));
    }
}
