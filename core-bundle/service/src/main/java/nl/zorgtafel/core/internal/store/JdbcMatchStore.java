package nl.zorgtafel.core.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Match candidates and merges in portable SQL, over the transaction's connection. */
final class JdbcMatchStore implements MatchStore {

    private static final String COLUMNS = "id, youth_id, other_youth_id, score, reasons, status, proposed_at,"
            + " decided_at, decided_by";

    private final Jdbc jdbc;

    JdbcMatchStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ComparableYouth> comparableYouths(Integer birthYear, boolean withoutBsnOnly, String exceptYouthId) {
        StringBuilder sql = new StringBuilder("SELECT id, given_name, family_name, birth_date, bsn_pseudonym"
                + " FROM youth WHERE merged_into IS NULL AND id <> ?");
        List<Object> parameters = new ArrayList<>(List.of(exceptYouthId));
        if (withoutBsnOnly) {
            sql.append(" AND bsn_pseudonym IS NULL");
        }
        if (birthYear != null) {
            sql.append(" AND (birth_date IS NULL OR birth_date BETWEEN ? AND ?)");
            parameters.add(Jdbc.date(java.time.LocalDate.of(birthYear, 1, 1)));
            parameters.add(Jdbc.date(java.time.LocalDate.of(birthYear, 12, 31)));
        }
        sql.append(" ORDER BY created_at, id");
        return jdbc.query(sql.toString(), row -> new ComparableYouth(row.getString(1), row.getString(2),
                row.getString(3), Jdbc.localDate(row, 4), row.getString(5) != null), parameters.toArray());
    }

    @Override
    public boolean pairKnown(String youthId, String otherYouthId) {
        return jdbc.queryOne("SELECT id FROM match_candidate WHERE (youth_id = ? AND other_youth_id = ?)"
                        + " OR (youth_id = ? AND other_youth_id = ?)", row -> row.getString(1),
                youthId, otherYouthId, otherYouthId, youthId).isPresent();
    }

    @Override
    public void addCandidate(Candidate c) {
        jdbc.update("INSERT INTO match_candidate (id, youth_id, other_youth_id, score, reasons, status, proposed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.youthId(), c.otherYouthId(), c.score(), String.join(",", c.reasons()), c.status().code(),
                Timestamp.from(c.proposedAt()));
    }

    @Override
    public Optional<Candidate> candidate(String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM match_candidate WHERE id = ?", JdbcMatchStore::candidate,
                id);
    }

    @Override
    public List<Candidate> candidates(Status status) {
        if (status == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM match_candidate ORDER BY proposed_at DESC, id",
                    JdbcMatchStore::candidate);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM match_candidate WHERE status = ? ORDER BY proposed_at DESC, id",
                JdbcMatchStore::candidate, status.code());
    }

    @Override
    public List<Candidate> openCandidatesOf(String youthId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM match_candidate WHERE status = ?"
                        + " AND (youth_id = ? OR other_youth_id = ?) ORDER BY proposed_at, id",
                JdbcMatchStore::candidate, Status.OPEN.code(), youthId, youthId);
    }

    @Override
    public void decide(String candidateId, Status status, java.time.Instant at, String by) {
        jdbc.update("UPDATE match_candidate SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?",
                status.code(), Timestamp.from(at), by, candidateId);
    }

    @Override
    public void repoint(String candidateId, String youthId, String otherYouthId) {
        jdbc.update("UPDATE match_candidate SET youth_id = ?, other_youth_id = ? WHERE id = ?", youthId,
                otherYouthId, candidateId);
    }

    @Override
    public void addMerge(Merge m) {
        jdbc.update("INSERT INTO youth_merge (id, candidate_id, surviving_youth_id, merged_youth_id,"
                        + " surviving_case_id, merged_case_ids, moved_entries, bsn_linked, merged_at, merged_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.candidateId(), m.survivingYouthId(), m.mergedYouthId(), Jdbc.nullable(m.survivingCaseId()),
                String.join(",", m.mergedCaseIds()), m.movedEntries(), m.bsnLinked() ? 1 : 0,
                Timestamp.from(m.mergedAt()), m.mergedBy());
    }

    @Override
    public List<Merge> mergesInto(String survivingYouthId) {
        return jdbc.query("SELECT id, candidate_id, surviving_youth_id, merged_youth_id, surviving_case_id,"
                        + " merged_case_ids, moved_entries, bsn_linked, merged_at, merged_by FROM youth_merge"
                        + " WHERE surviving_youth_id = ? ORDER BY merged_at, id",
                row -> new Merge(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), split(row.getString(6)), row.getInt(7), row.getInt(8) == 1,
                        row.getTimestamp(9).toInstant(), row.getString(10)),
                survivingYouthId);
    }

    private static Candidate candidate(ResultSet row) throws SQLException {
        Timestamp decidedAt = row.getTimestamp(8);
        return new Candidate(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                split(row.getString(5)), Status.fromCode(row.getString(6)).orElseThrow(),
                row.getTimestamp(7).toInstant(), decidedAt == null ? null : decidedAt.toInstant(), row.getString(9));
    }

    static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }
}
