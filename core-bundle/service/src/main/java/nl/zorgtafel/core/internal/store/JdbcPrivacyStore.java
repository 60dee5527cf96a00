package nl.zorgtafel.core.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Erasure and subject access reads in portable SQL, over the transaction's connection. */
final class JdbcPrivacyStore implements PrivacyStore {

    /** What partners reported about a case: deleted whole on erasure. */
    private static final List<String> ENTRY_TABLES = List.of("case_signal", "trajectory", "measure",
            "investigation", "advice");
    static final String ERASED_TEXT = "[erased]";

    private final Jdbc jdbc;

    JdbcPrivacyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> closedCasesRetainedBefore(LocalDate day) {
        return jdbc.query("SELECT id FROM care_case WHERE status = 'closed' AND erased_at IS NULL"
                + " AND retention_from IS NOT NULL AND retention_from < ? ORDER BY retention_from",
                row -> row.getString(1), Jdbc.date(day));
    }

    @Override
    public Erased eraseCase(String caseId, Instant at) {
        int entries = 0;
        for (String table : ENTRY_TABLES) {
            entries += jdbc.update("DELETE FROM " + table + " WHERE case_id = ?", caseId);
        }
        jdbc.update("UPDATE agenda_item SET minutes_text = NULL WHERE case_id = ?", caseId);
        jdbc.update("UPDATE agreement SET description = ? WHERE case_id = ?", ERASED_TEXT, caseId);
        jdbc.update("UPDATE measure_request SET note = ? WHERE case_id = ?", ERASED_TEXT, caseId);
        jdbc.update("UPDATE alert SET summary = ? WHERE case_id = ?", ERASED_TEXT, caseId);
        jdbc.update("UPDATE case_status_change SET reason = NULL WHERE case_id = ?", caseId);
        jdbc.update("DELETE FROM outbox WHERE case_id = ?", caseId);
        // raw messages carry BSNs and names: a message that touched the case keeps only its key
        // and outcome (so that a repeat is still recognised), not its body
        int messages = jdbc.update("UPDATE inbox SET body = ?, detail = NULL WHERE case_ids LIKE ?"
                + " AND status <> 'PENDING'", new byte[0], "%" + caseId + "%");
        jdbc.update("UPDATE care_case SET close_reason = NULL, erased_at = ? WHERE id = ?", Timestamp.from(at),
                caseId);
        return new Erased(entries, messages);
    }

    @Override
    public boolean hasUnerasedCase(String youthId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM care_case WHERE youth_id = ? AND erased_at IS NULL",
                row -> row.getLong(1), youthId).orElse(0L) > 0;
    }

    @Override
    public List<String> allCasesOf(String youthId) {
        return jdbc.query("SELECT id FROM care_case WHERE youth_id = ? ORDER BY opened_on, id", row -> row.getString(1),
                youthId);
    }

    @Override
    public List<String> youthsMergedInto(String youthId) {
        return jdbc.query("SELECT id FROM youth WHERE merged_into = ?", row -> row.getString(1), youthId);
    }

    @Override
    public void eraseYouth(String youthId, Instant at) {
        jdbc.update("DELETE FROM match_candidate WHERE youth_id = ? OR other_youth_id = ?", youthId, youthId);
        jdbc.update("UPDATE youth SET given_name = '', family_name = ?, birth_date = NULL, bsn_pseudonym = NULL,"
                + " bsn_encrypted = NULL, erased_at = ? WHERE id = ?", ERASED_TEXT, Timestamp.from(at), youthId);
    }

    @Override
    public boolean youthExists(String youthId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM youth WHERE id = ?", row -> row.getLong(1), youthId).orElse(0L) > 0;
    }

    @Override
    public void recordErasure(ErasureRecord erasure) {
        jdbc.update("INSERT INTO erasure (id, youth_id, case_id, reason, legal_basis, reference, entries_erased,"
                        + " messages_erased, erased_at, erased_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                erasure.id(), erasure.youthId(), Jdbc.nullable(erasure.caseId()), erasure.reason(),
                Jdbc.nullable(erasure.legalBasis()), Jdbc.nullable(erasure.reference()), erasure.entriesErased(),
                erasure.messagesErased(), Timestamp.from(erasure.erasedAt()), erasure.erasedBy());
    }

    @Override
    public List<ErasureRecord> erasuresOf(String youthId) {
        return jdbc.query("SELECT id, youth_id, case_id, reason, legal_basis, reference, entries_erased,"
                + " messages_erased, erased_at, erased_by FROM erasure WHERE youth_id = ? ORDER BY erased_at",
                row -> new ErasureRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getInt(7), row.getInt(8),
                        row.getTimestamp(9).toInstant(), row.getString(10)), youthId);
    }

    @Override
    public List<MessageTrace> messagesAbout(String caseId) {
        return jdbc.query("SELECT partner_id, message_key, received_at, status FROM inbox WHERE case_ids LIKE ?"
                        + " ORDER BY seq",
                row -> new MessageTrace(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getString(4)), "%" + caseId + "%");
    }
}
