package nl.zorgtafel.core.internal.store;

import static nl.zorgtafel.core.internal.store.Jdbc.date;
import static nl.zorgtafel.core.internal.store.Jdbc.localDate;
import static nl.zorgtafel.core.internal.store.Jdbc.newId;
import static nl.zorgtafel.core.internal.store.Jdbc.nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.CaseStatus;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.Youth;

/** The store in portable SQL over one JDBC connection (one transaction). */
final class JdbcStore implements Store {

    private final Connection connection;
    private final Jdbc jdbc;

    JdbcStore(Connection connection) {
        this.connection = connection;
        this.jdbc = new Jdbc(connection);
    }

    @Override
    public OutboxStore outbox() {
        return new JdbcOutboxStore(jdbc);
    }

    @Override
    public TableStore table() {
        return new JdbcTableStore(jdbc);
    }

    @Override
    public MatchStore matches() {
        return new JdbcMatchStore(jdbc);
    }

    @Override
    public CrisisStore crises() {
        return new JdbcCrisisStore(jdbc);
    }

    @Override
    public AuditStore audit() {
        return new JdbcAuditStore(jdbc);
    }

    @Override
    public PrivacyStore privacy() {
        return new JdbcPrivacyStore(jdbc);
    }

    @Override
    public LoginStore logins() {
        return new JdbcLoginStore(jdbc);
    }

    // ---- the inbox ----

    private static final String INBOX_COLUMNS = "i.seq, i.partner_id, i.message_key, i.body_sha256, i.media_type,"
            + " i.charset, i.body, i.received_at, i.status, i.duplicate_of, i.detail, i.case_ids";

    @Override
    public Optional<InboxEntry> inboxEntry(String partnerId, String messageKey) {
        return jdbc.queryOne("SELECT " + INBOX_COLUMNS + " FROM inbox i WHERE i.partner_id = ? AND i.message_key = ?",
                JdbcStore::inboxEntry, partnerId, messageKey);
    }

    @Override
    public Optional<InboxEntry> inboxEntry(long seq) {
        return jdbc.queryOne("SELECT " + INBOX_COLUMNS + " FROM inbox i WHERE i.seq = ?", JdbcStore::inboxEntry, seq);
    }

    @Override
    public Optional<InboxEntry> inboxEntryByBody(String partnerId, String bodySha256) {
        return jdbc.queryOne("SELECT " + INBOX_COLUMNS + " FROM inbox i WHERE i.partner_id = ? AND i.body_sha256 = ? ORDER BY i.seq",
                JdbcStore::inboxEntry, partnerId, bodySha256);
    }

    @Override
    public long addToInbox(String partnerId, String messageKey, String bodySha256, String mediaType, String charset,
                           byte[] encryptedBody, Instant receivedAt) {
        String sql = "INSERT INTO inbox (partner_id, message_key, body_sha256, media_type, charset, body, received_at,"
                + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"SEQ"})) {
            Jdbc.bind(insert, partnerId, messageKey, bodySha256, mediaType, charset, encryptedBody,
                    Timestamp.from(receivedAt), InboxStatus.PENDING.name());
            insert.executeUpdate();
            long seq;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                seq = keys.getLong(1);
            }
            jdbc.update("INSERT INTO inbox_pending (seq, partner_id) VALUES (?, ?)", seq, partnerId);
            return seq;
        } catch (SQLException e) {
            throw new StoreException("cannot store the message in the inbox", e);
        }
    }

    @Override
    public List<InboxEntry> pendingInbox(String partnerId, int limit) {
        // one partner at a time: the index on (partner_id, seq) gives the order without a sort
        String sql = "SELECT " + INBOX_COLUMNS
                + " FROM inbox_pending p JOIN inbox i ON i.seq = p.seq WHERE p.partner_id = ? ORDER BY p.seq";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setMaxRows(limit);
            Jdbc.bind(query, partnerId);
            return Jdbc.collect(query, JdbcStore::inboxEntry);
        } catch (SQLException e) {
            throw new StoreException("cannot read the inbox", e);
        }
    }

    @Override
    public void recordOutcome(long seq, InboxStatus status, String detailJson, List<String> caseIds, Long duplicateOf,
                              Instant processedAt) {
        jdbc.update("UPDATE inbox SET status = ?, detail = ?, case_ids = ?, duplicate_of = ?, processed_at = ?"
                        + " WHERE seq = ?",
                status.name(), detailJson, caseIds == null ? null : String.join(",", caseIds),
                duplicateOf == null ? new Jdbc.Null(Types.BIGINT) : duplicateOf, Timestamp.from(processedAt), seq);
        if (status != InboxStatus.PENDING) {
            jdbc.update("DELETE FROM inbox_pending WHERE seq = ?", seq);
        }
    }

    @Override
    public void rekeyInboxEntry(long seq, String messageKey) {
        jdbc.update("UPDATE inbox SET message_key = ? WHERE seq = ?", messageKey, seq);
    }

    @Override
    public Map<String, Long> pendingInboxByPartner() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT partner_id, COUNT(*) FROM inbox_pending GROUP BY partner_id ORDER BY partner_id")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("cannot count the inbox", e);
        }
    }

    private static InboxEntry inboxEntry(ResultSet row) throws SQLException {
        Object duplicateOf = row.getObject("duplicate_of");
        String caseIds = row.getString("case_ids");
        return new InboxEntry(row.getLong("seq"), row.getString("partner_id"), row.getString("message_key"),
                row.getString("body_sha256"), row.getString("media_type"), row.getString("charset"),
                row.getBytes("body"), row.getTimestamp("received_at").toInstant(),
                InboxStatus.valueOf(row.getString("status")),
                duplicateOf == null ? null : ((Number) duplicateOf).longValue(),
                row.getString("detail"),
                caseIds == null || caseIds.isEmpty() ? List.of() : Arrays.asList(caseIds.split(",")));
    }

    // ---- youths and cases ----

    @Override
    public Optional<String> youthIdByPseudonym(String bsnPseudonym) {
        return jdbc.queryOne("SELECT id FROM youth WHERE bsn_pseudonym = ?", row -> row.getString(1), bsnPseudonym);
    }

    @Override
    public void addYouth(String id, String bsnPseudonym, String bsnEncrypted, String givenName, String familyName,
                         LocalDate birthDate, Instant createdAt) {
        jdbc.update("INSERT INTO youth (id, bsn_pseudonym, bsn_encrypted, given_name, family_name, birth_date, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, nullable(bsnPseudonym), nullable(bsnEncrypted), givenName, familyName, date(birthDate),
                Timestamp.from(createdAt));
    }

    @Override
    public Optional<Youth> youth(String youthId) {
        return jdbc.queryOne("SELECT id, given_name, family_name, birth_date FROM youth WHERE id = ?",
                row -> new Youth(row.getString(1), row.getString(2), row.getString(3), localDate(row, 4)), youthId);
    }

    private static final String CASE_COLUMNS =
            "c.id, c.youth_id, c.status, c.opened_on, c.crisis, c.repeat_of, c.closed_on, c.close_reason";

    @Override
    public Optional<CaseRecord> latestCaseOf(String youthId) {
        // a youth has few cases: choosing here spares Derby a sort on every message applied
        record Dated(CaseRecord record, Instant createdAt) {
        }
        Comparator<Dated> openFirstThenNewest = Comparator
                .comparing((Dated d) -> !CaseStatus.OPEN.code().equals(d.record().status()))
                .thenComparing(Dated::createdAt, Comparator.reverseOrder());
        return jdbc.query("SELECT " + CASE_COLUMNS + ", c.created_at FROM care_case c WHERE c.youth_id = ?"
                        + " AND c.status <> 'merged'",
                row -> new Dated(caseRecord(row), row.getTimestamp(9).toInstant()), youthId)
                .stream().min(openFirstThenNewest).map(Dated::record);
    }

    @Override
    public void addCase(CaseRecord c, Instant createdAt) {
        jdbc.update("INSERT INTO care_case (id, youth_id, status, opened_on, crisis, repeat_of, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.youthId(), c.status(), date(c.openedOn()), c.crisis() ? 1 : 0, nullable(c.repeatOf()),
                Timestamp.from(createdAt));
    }

    @Override
    public void markCrisis(String caseId) {
        jdbc.update("UPDATE care_case SET crisis = 1 WHERE id = ? AND crisis = 0", caseId);
    }

    @Override
    public boolean involvePartner(String caseId, String partnerId, Instant since) {
        Optional<String> known = jdbc.queryOne("SELECT partner_id FROM case_partner WHERE case_id = ? AND partner_id = ?",
                row -> row.getString(1), caseId, partnerId);
        if (known.isPresent()) {
            return false;
        }
        jdbc.update("INSERT INTO case_partner (case_id, partner_id, involved_since) VALUES (?, ?, ?)",
                caseId, partnerId, Timestamp.from(since));
        return true;
    }

    @Override
    public Optional<String> caseOfEntry(EntryType type, String partnerId, String reference) {
        return jdbc.queryOne("SELECT case_id FROM " + type.table + " WHERE partner_id = ? AND reference = ?",
                row -> row.getString(1), partnerId, reference);
    }

    // ---- what partners report ----

    @Override
    public String upsertSignal(String caseId, String partnerId, Signal s, Instant at) {
        Optional<String> existing = idOf("case_signal", "partner_id = ? AND reference = ?", partnerId, s.reference());
        if (existing.isPresent()) {
            jdbc.update("UPDATE case_signal SET category = ?, urgency = ?, summary = ?, observed_on = ? WHERE id = ?",
                    s.category().code(), s.urgency().code(), s.summary(), date(s.observedOn()), existing.get());
            return existing.get();
        }
        String id = newId();
        jdbc.update("INSERT INTO case_signal (id, case_id, partner_id, reference, category, urgency, summary, observed_on,"
                        + " registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, caseId, partnerId, s.reference(), s.category().code(), s.urgency().code(), s.summary(),
                date(s.observedOn()), Timestamp.from(at));
        return id;
    }

    @Override
    public String upsertTrajectory(String caseId, String partnerId, CareTrajectory t, Instant at) {
        TrajectoryEnding ending = t.ending();
        Object endedOn = ending == null ? new Jdbc.Null(Types.DATE) : date(ending.endedOn());
        Object kind = ending == null ? new Jdbc.Null(Types.VARCHAR) : ending.kind().code();
        Object reason = ending == null ? new Jdbc.Null(Types.VARCHAR) : ending.reason();
        Optional<String> existing = idOf("trajectory", "partner_id = ? AND reference = ?", partnerId, t.reference());
        if (existing.isPresent()) {
            jdbc.update("UPDATE trajectory SET kind = ?, started_on = ?, ended_on = ?, ending = ?, ending_reason = ?"
                    + " WHERE id = ?", t.kind(), date(t.startedOn()), endedOn, kind, reason, existing.get());
            return existing.get();
        }
        String id = newId();
        jdbc.update("INSERT INTO trajectory (id, case_id, partner_id, reference, kind, started_on, ended_on, ending,"
                        + " ending_reason, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, caseId, partnerId, t.reference(), t.kind(), date(t.startedOn()), endedOn, kind, reason,
                Timestamp.from(at));
        return id;
    }

    @Override
    public void deleteTrajectory(String partnerId, String reference) {
        jdbc.update("DELETE FROM trajectory WHERE partner_id = ? AND reference = ?", partnerId, reference);
    }

    @Override
    public String upsertMeasure(String caseId, String partnerId, Measure m, Instant at) {
        Object endsOn = m.endsOn() == null ? new Jdbc.Null(Types.DATE) : date(m.endsOn());
        Optional<String> existing = idOf("measure", "partner_id = ? AND reference = ? AND kind = ?",
                partnerId, m.reference(), m.kind().code());
        if (existing.isPresent()) {
            jdbc.update("UPDATE measure SET starts_on = ?, ends_on = ? WHERE id = ?", date(m.startsOn()), endsOn,
                    existing.get());
            return existing.get();
        }
        String id = newId();
        jdbc.update("INSERT INTO measure (id, case_id, partner_id, reference, kind, starts_on, ends_on, registered_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, caseId, partnerId, m.reference(), m.kind().code(), date(m.startsOn()), endsOn, Timestamp.from(at));
        return id;
    }

    @Override
    public String upsertInvestigation(String caseId, String partnerId, Investigation i, Instant at) {
        Optional<String> existing = idOf("investigation", "partner_id = ? AND reference = ?", partnerId,
                i.reference());
        if (existing.isPresent()) {
            jdbc.update("UPDATE investigation SET started_on = ?, reason = ? WHERE id = ?", date(i.startedOn()), i.reason(),
                    existing.get());
            return existing.get();
        }
        String id = newId();
        jdbc.update("INSERT INTO investigation (id, case_id, partner_id, reference, started_on, reason, registered_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, caseId, partnerId, i.reference(), date(i.startedOn()), i.reason(), Timestamp.from(at));
        return id;
    }

    @Override
    public String upsertAdvice(String caseId, String partnerId, Advice a, Instant at) {
        Optional<String> existing = idOf("advice", "partner_id = ? AND reference = ? AND given_on = ?", partnerId,
                a.reference(), date(a.givenOn()));
        if (existing.isPresent()) {
            jdbc.update("UPDATE advice SET advised = ?, explanation = ? WHERE id = ?", a.advised().code(),
                    a.explanation(), existing.get());
            return existing.get();
        }
        String id = newId();
        jdbc.update("INSERT INTO advice (id, case_id, partner_id, reference, given_on, advised, explanation, registered_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, caseId, partnerId, a.reference(), date(a.givenOn()), a.advised().code(), a.explanation(),
                Timestamp.from(at));
        return id;
    }

    // ---- a case's life ----

    /** The tables of what partners report about a case, which a merge moves. */
    private static final List<String> ENTRY_TABLES = List.of("case_signal", "trajectory", "measure", "investigation",
            "advice");

    @Override
    public void closeCase(String caseId, LocalDate on, String reason) {
        jdbc.update("UPDATE care_case SET status = 'closed', closed_on = ?, close_reason = ?, retention_from = ?"
                + " WHERE id = ?", date(on), reason, date(on), caseId);
    }

    @Override
    public void reopenCase(String caseId) {
        jdbc.update("UPDATE care_case SET status = 'open', closed_on = ?, close_reason = ?, retention_from = ?"
                        + " WHERE id = ?", new Jdbc.Null(Types.DATE), new Jdbc.Null(Types.VARCHAR),
                new Jdbc.Null(Types.DATE), caseId);
    }

    @Override
    public void addStatusChange(StatusChange change) {
        jdbc.update("INSERT INTO case_status_change (case_id, status, reason, changed_on, changed_at, changed_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", change.caseId(), change.status(), nullable(change.reason()),
                date(change.on()), Timestamp.from(change.at()), change.by());
    }

    @Override
    public List<StatusChange> statusChangesOf(String caseId) {
        return jdbc.query("SELECT case_id, status, reason, changed_on, changed_at, changed_by FROM case_status_change"
                        + " WHERE case_id = ? ORDER BY seq", row -> new StatusChange(row.getString(1), row.getString(2),
                        row.getString(3), localDate(row, 4), row.getTimestamp(5).toInstant(), row.getString(6)),
                caseId);
    }

    @Override
    public Optional<CaseLife> caseLife(String caseId) {
        return jdbc.queryOne("SELECT merged_into, retention_from FROM care_case WHERE id = ?",
                row -> new CaseLife(row.getString(1), localDate(row, 2)), caseId);
    }

    @Override
    public List<CaseRecord> casesOf(String youthId) {
        return jdbc.query("SELECT " + CASE_COLUMNS + " FROM care_case c WHERE c.youth_id = ? AND c.status <> 'merged'"
                + " ORDER BY c.opened_on, c.created_at", JdbcStore::caseRecord, youthId);
    }

    @Override
    public void reassignCase(String caseId, String youthId) {
        jdbc.update("UPDATE care_case SET youth_id = ? WHERE id = ?", youthId, caseId);
    }

    @Override
    public int moveEntries(String fromCaseId, String toCaseId) {
        int moved = 0;
        for (String table : ENTRY_TABLES) {
            moved += jdbc.update("UPDATE " + table + " SET case_id = ? WHERE case_id = ?", toCaseId, fromCaseId);
        }
        List<Map.Entry<String, Instant>> partners = jdbc.query("SELECT partner_id, involved_since FROM case_partner"
                + " WHERE case_id = ? ORDER BY involved_since", row -> Map.entry(row.getString(1),
                row.getTimestamp(2).toInstant()), fromCaseId);
        for (Map.Entry<String, Instant> partner : partners) {
            involvePartner(toCaseId, partner.getKey(), partner.getValue());
        }
        return moved;
    }

    @Override
    public void markCaseMerged(String caseId, String intoCaseId) {
        jdbc.update("UPDATE care_case SET status = 'merged', merged_into = ? WHERE id = ?", intoCaseId, caseId);
    }

    @Override
    public void setRepeatOf(String caseId, String repeatOf) {
        jdbc.update("UPDATE care_case SET repeat_of = ? WHERE id = ?", nullable(repeatOf), caseId);
    }

    @Override
    public Optional<YouthKeys> youthKeys(String youthId) {
        return jdbc.queryOne("SELECT bsn_pseudonym, bsn_encrypted, merged_into FROM youth WHERE id = ?",
                row -> new YouthKeys(row.getString(1), row.getString(2), row.getString(3)), youthId);
    }

    @Override
    public void setYouthBsn(String youthId, String bsnPseudonym, String bsnEncrypted) {
        jdbc.update("UPDATE youth SET bsn_pseudonym = ?, bsn_encrypted = ? WHERE id = ?", nullable(bsnPseudonym),
                nullable(bsnEncrypted), youthId);
    }

    @Override
    public void markYouthMerged(String youthId, String intoYouthId) {
        jdbc.update("UPDATE youth SET merged_into = ? WHERE id = ?", intoYouthId, youthId);
    }

    // ---- for the table's agenda and reports ----

    @Override
    public List<CaseRecord> casesClosedBetween(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT " + CASE_COLUMNS + " FROM care_case c WHERE c.status = 'closed'"
                + " AND c.closed_on BETWEEN ? AND ? ORDER BY c.closed_on, c.id", JdbcStore::caseRecord, date(from),
                date(to));
    }

    @Override
    public List<CaseRecord> repeatsOf(String closedCaseId) {
        return jdbc.query("SELECT " + CASE_COLUMNS + " FROM care_case c WHERE c.repeat_of = ? AND c.status <> 'merged'"
                + " ORDER BY c.opened_on, c.created_at", JdbcStore::caseRecord, closedCaseId);
    }

    @Override
    public Set<String> openCasesWithCrisisSince(LocalDate observedAfter, Instant registeredAfter) {
        return new LinkedHashSet<>(jdbc.query("SELECT DISTINCT s.case_id FROM case_signal s"
                        + " JOIN care_case c ON c.id = s.case_id WHERE c.status = 'open' AND s.urgency = 'crisis'"
                        + " AND (s.observed_on > ? OR s.registered_at > ?)", row -> row.getString(1),
                date(observedAfter), Timestamp.from(registeredAfter)));
    }

    // ---- reads ----

    @Override
    public List<CaseRecord> cases(String status, String involvedPartner) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM care_case c WHERE c.status <> 'merged'");
        List<Object> parameters = new ArrayList<>();
        if (status != null) {
            sql.append(" AND c.status = ?");
            parameters.add(status);
        }
        if (involvedPartner != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM case_partner p WHERE p.case_id = c.id AND p.partner_id = ?)");
            parameters.add(involvedPartner);
        }
        sql.append(" ORDER BY c.created_at DESC, c.id");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            Jdbc.bind(query, parameters.toArray());
            return Jdbc.collect(query, JdbcStore::caseRecord);
        } catch (SQLException e) {
            throw new StoreException("cannot read cases", e);
        }
    }

    @Override
    public Optional<CaseRecord> caseRecord(String caseId) {
        return jdbc.queryOne("SELECT " + CASE_COLUMNS + " FROM care_case c WHERE c.id = ?", JdbcStore::caseRecord, caseId);
    }

    @Override
    public Set<String> partnersOf(String caseId) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT partner_id FROM case_partner WHERE case_id = ? ORDER BY partner_id")) {
            Jdbc.bind(query, caseId);
            return new LinkedHashSet<>(Jdbc.collect(query, row -> row.getString(1)));
        } catch (SQLException e) {
            throw new StoreException("cannot read the partners of a case", e);
        }
    }

    @Override
    public List<Recorded<Signal>> signalsOf(String caseId) {
        return listOf("SELECT id, partner_id, reference, category, urgency, summary, observed_on FROM case_signal"
                + " WHERE case_id = ? ORDER BY observed_on, registered_at", caseId, row -> new Signal(
                row.getString("reference"), SignalCategory.fromCode(row.getString("category")).orElseThrow(),
                Urgency.fromCode(row.getString("urgency")).orElseThrow(), row.getString("summary"),
                localDate(row, "observed_on")));
    }

    @Override
    public List<Recorded<CareTrajectory>> trajectoriesOf(String caseId) {
        return listOf("SELECT id, partner_id, reference, kind, started_on, ended_on, ending, ending_reason"
                + " FROM trajectory WHERE case_id = ? ORDER BY started_on, registered_at", caseId, row -> {
                    LocalDate endedOn = localDate(row, "ended_on");
                    TrajectoryEnding ending = endedOn == null ? null : new TrajectoryEnding(endedOn,
                            endingKind(row.getString("ending")), row.getString("ending_reason"));
                    return new CareTrajectory(row.getString("reference"), row.getString("kind"),
                            localDate(row, "started_on"), ending);
                });
    }

    @Override
    public List<Recorded<Measure>> measuresOf(String caseId) {
        return listOf("SELECT id, partner_id, reference, kind, starts_on, ends_on FROM measure WHERE case_id = ?"
                + " ORDER BY starts_on, registered_at", caseId, row -> new Measure(row.getString("reference"),
                MeasureKind.fromCode(row.getString("kind")).orElseThrow(), localDate(row, "starts_on"),
                localDate(row, "ends_on")));
    }

    @Override
    public List<Recorded<Investigation>> investigationsOf(String caseId) {
        return listOf("SELECT id, partner_id, reference, started_on, reason FROM investigation WHERE case_id = ?"
                + " ORDER BY started_on, registered_at", caseId, row -> new Investigation(row.getString("reference"),
                localDate(row, "started_on"), row.getString("reason")));
    }

    @Override
    public List<Recorded<Advice>> adviceOf(String caseId) {
        return listOf("SELECT id, partner_id, reference, given_on, advised, explanation FROM advice WHERE case_id = ?"
                + " ORDER BY given_on, registered_at", caseId, row -> new Advice(row.getString("reference"),
                localDate(row, "given_on"), MeasureKind.fromCode(row.getString("advised")).orElseThrow(),
                row.getString("explanation")));
    }

    private static TrajectoryEnding.Kind endingKind(String code) {
        return Arrays.stream(TrajectoryEnding.Kind.values()).filter(k -> k.code().equals(code)).findFirst()
                .orElse(TrajectoryEnding.Kind.UNKNOWN);
    }

    private static CaseRecord caseRecord(ResultSet row) throws SQLException {
        return new CaseRecord(row.getString(1), row.getString(2), row.getString(3), localDate(row, 4),
                row.getInt(5) == 1, row.getString(6), localDate(row, 7), row.getString(8));
    }

    // ---- helpers ----

    private <T> List<Recorded<T>> listOf(String sql, String caseId, Jdbc.RowMapper<T> mapper) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            Jdbc.bind(query, caseId);
            return Jdbc.collect(query, row -> new Recorded<>(row.getString("id"), row.getString("partner_id"),
                    mapper.map(row)));
        } catch (SQLException e) {
            throw new StoreException("cannot read the entries of a case", e);
        }
    }

    private Optional<String> idOf(String table, String where, Object... parameters) {
        return jdbc.queryOne("SELECT id FROM " + table + " WHERE " + where, row -> row.getString(1), parameters);
    }
}
