package nl.zorgtafel.core.internal.store;

import static nl.zorgtafel.core.internal.store.Jdbc.date;
import static nl.zorgtafel.core.internal.store.Jdbc.localDate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.Agreement;

/** Meetings, agendas and agreements in portable SQL, over the transaction's connection. */
final class JdbcTableStore implements TableStore {

    private static final String MEETING_COLUMNS = "m.id, m.meeting_date, m.created_at, m.created_by";
    private static final String ITEM_COLUMNS = "a.meeting_id, a.case_id, a.item_order, a.reasons, a.added_at,"
            + " a.added_by, a.minutes_text, a.minutes_at, a.minutes_by";
    private static final String AGREEMENT_COLUMNS = "g.id, g.case_id, g.description, g.owner_partner, g.due_date,"
            + " g.status, g.meeting_id, g.made_on, g.made_at, g.made_by, g.done_on, g.done_by, g.overdue_notified_at";

    private final Jdbc jdbc;

    JdbcTableStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    // ---- meetings and agendas ----

    @Override
    public void addMeeting(MeetingRecord m) {
        jdbc.update("INSERT INTO meeting (id, meeting_date, created_at, created_by) VALUES (?, ?, ?, ?)",
                m.id(), date(m.date()), Timestamp.from(m.createdAt()), m.createdBy());
    }

    @Override
    public Optional<MeetingRecord> meeting(String meetingId) {
        return jdbc.queryOne("SELECT " + MEETING_COLUMNS + " FROM meeting m WHERE m.id = ?", JdbcTableStore::meeting,
                meetingId);
    }

    @Override
    public List<MeetingRecord> meetings() {
        return jdbc.query("SELECT " + MEETING_COLUMNS + " FROM meeting m ORDER BY m.meeting_date DESC, m.created_at"
                + " DESC", JdbcTableStore::meeting);
    }

    @Override
    public Optional<MeetingRecord> previousMeeting(LocalDate before, String exceptMeetingId) {
        return jdbc.query("SELECT " + MEETING_COLUMNS + " FROM meeting m WHERE m.meeting_date < ? AND m.id <> ?"
                        + " ORDER BY m.meeting_date DESC, m.created_at DESC", 1, JdbcTableStore::meeting,
                date(before), exceptMeetingId).stream().findFirst();
    }

    @Override
    public Set<String> casesOnAgendasBefore(LocalDate onOrBefore, String exceptMeetingId) {
        return new LinkedHashSet<>(jdbc.query("SELECT DISTINCT a.case_id FROM agenda_item a JOIN meeting m"
                        + " ON m.id = a.meeting_id WHERE m.meeting_date <= ? AND m.id <> ?", row -> row.getString(1),
                date(onOrBefore), exceptMeetingId));
    }

    @Override
    public List<AgendaItem> agendaOf(String meetingId) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + " FROM agenda_item a WHERE a.meeting_id = ? ORDER BY a.item_order",
                JdbcTableStore::item, meetingId);
    }

    @Override
    public Optional<AgendaItem> agendaItem(String meetingId, String caseId) {
        return jdbc.queryOne("SELECT " + ITEM_COLUMNS + " FROM agenda_item a WHERE a.meeting_id = ? AND a.case_id = ?",
                JdbcTableStore::item, meetingId, caseId);
    }

    @Override
    public AgendaItem addAgendaItem(String meetingId, String caseId, List<String> reasons, Instant at, String by) {
        int order = jdbc.queryOne("SELECT MAX(item_order) FROM agenda_item WHERE meeting_id = ?",
                row -> row.getInt(1), meetingId).orElse(0) + 1;
        jdbc.update("INSERT INTO agenda_item (meeting_id, case_id, item_order, reasons, added_at, added_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                meetingId, caseId, order, String.join(",", reasons), Timestamp.from(at), by);
        return new AgendaItem(meetingId, caseId, order, reasons, at, by, null, null, null);
    }

    @Override
    public void removeAgendaItem(String meetingId, String caseId) {
        jdbc.update("DELETE FROM agenda_item WHERE meeting_id = ? AND case_id = ?", meetingId, caseId);
    }

    @Override
    public void recordMinutes(String meetingId, String caseId, String text, Instant at, String by) {
        jdbc.update("UPDATE agenda_item SET minutes_text = ?, minutes_at = ?, minutes_by = ?"
                + " WHERE meeting_id = ? AND case_id = ?", text, Timestamp.from(at), by, meetingId, caseId);
    }

    @Override
    public List<CaseMeeting> meetingsOf(String caseId) {
        return jdbc.query("SELECT " + MEETING_COLUMNS + ", " + ITEM_COLUMNS + " FROM agenda_item a"
                        + " JOIN meeting m ON m.id = a.meeting_id WHERE a.case_id = ?"
                        + " ORDER BY m.meeting_date, m.created_at",
                row -> new CaseMeeting(meeting(row), itemFrom(row, 5)), caseId);
    }

    // ---- agreements ----

    @Override
    public void addAgreement(AgreementRecord r) {
        Agreement a = r.agreement();
        jdbc.update("INSERT INTO agreement (id, case_id, meeting_id, description, owner_partner, due_date, status,"
                        + " made_on, made_at, made_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.caseId(), Jdbc.nullable(r.meetingId()), a.description(), a.ownerPartner(), date(a.dueDate()),
                a.status().code(), date(r.madeOn()), Timestamp.from(r.madeAt()), r.madeBy());
    }

    @Override
    public Optional<AgreementRecord> agreement(String agreementId) {
        return jdbc.queryOne("SELECT " + AGREEMENT_COLUMNS + " FROM agreement g WHERE g.id = ?",
                JdbcTableStore::agreement, agreementId);
    }

    @Override
    public List<AgreementRecord> agreementsOf(String caseId) {
        return jdbc.query("SELECT " + AGREEMENT_COLUMNS + " FROM agreement g WHERE g.case_id = ?"
                + " ORDER BY g.made_at, g.id", JdbcTableStore::agreement, caseId);
    }

    @Override
    public List<AgreementRecord> agreements(Agreement.Status status, String ownerPartner) {
        StringBuilder sql = new StringBuilder("SELECT " + AGREEMENT_COLUMNS + " FROM agreement g WHERE 1 = 1");
        List<Object> parameters = new java.util.ArrayList<>();
        if (status != null) {
            sql.append(" AND g.status = ?");
            parameters.add(status.code());
        }
        if (ownerPartner != null) {
            sql.append(" AND g.owner_partner = ?");
            parameters.add(ownerPartner);
        }
        sql.append(" ORDER BY g.due_date, g.made_at, g.id");
        return jdbc.query(sql.toString(), JdbcTableStore::agreement, parameters.toArray());
    }

    @Override
    public void markAgreementDone(String agreementId, LocalDate on, String by) {
        jdbc.update("UPDATE agreement SET status = ?, done_on = ?, done_by = ? WHERE id = ?",
                Agreement.Status.DONE.code(), date(on), by, agreementId);
    }

    @Override
    public void reopenAgreement(String agreementId) {
        jdbc.update("UPDATE agreement SET status = ?, done_on = ?, done_by = ? WHERE id = ?",
                Agreement.Status.OPEN.code(), new Jdbc.Null(Types.DATE), new Jdbc.Null(Types.VARCHAR), agreementId);
    }

    @Override
    public void changeDueDate(String agreementId, LocalDate dueDate) {
        jdbc.update("UPDATE agreement SET due_date = ?, overdue_notified_at = ? WHERE id = ?", date(dueDate),
                new Jdbc.Null(Types.TIMESTAMP), agreementId);
    }

    @Override
    public List<AgreementRecord> overdueNotNotified(LocalDate today) {
        return jdbc.query("SELECT " + AGREEMENT_COLUMNS + " FROM agreement g WHERE g.status = ? AND g.due_date < ?"
                        + " AND g.overdue_notified_at IS NULL ORDER BY g.due_date, g.id", JdbcTableStore::agreement,
                Agreement.Status.OPEN.code(), date(today));
    }

    @Override
    public void markOverdueNotified(String agreementId, Instant at) {
        jdbc.update("UPDATE agreement SET overdue_notified_at = ? WHERE id = ?", Timestamp.from(at), agreementId);
    }

    @Override
    public Set<String> casesWithAgreementsDueBefore(LocalDate day) {
        return new LinkedHashSet<>(jdbc.query("SELECT DISTINCT case_id FROM agreement WHERE status = ? AND due_date < ?",
                row -> row.getString(1), Agreement.Status.OPEN.code(), date(day)));
    }

    // ---- merges ----

    @Override
    public int moveCase(String fromCaseId, String toCaseId) {
        int moved = jdbc.update("UPDATE agreement SET case_id = ? WHERE case_id = ?", toCaseId, fromCaseId);
        for (AgendaItem item : jdbc.query("SELECT " + ITEM_COLUMNS + " FROM agenda_item a WHERE a.case_id = ?",
                JdbcTableStore::item, fromCaseId)) {
            Optional<AgendaItem> there = agendaItem(item.meetingId(), toCaseId);
            if (there.isEmpty()) {
                jdbc.update("UPDATE agenda_item SET case_id = ? WHERE meeting_id = ? AND case_id = ?", toCaseId,
                        item.meetingId(), fromCaseId);
            } else {
                // both cases were on one agenda: one item remains, with the minutes of both
                String minutes = joinMinutes(there.get().minutes(), item.minutes());
                if (minutes != null) {
                    jdbc.update("UPDATE agenda_item SET minutes_text = ? WHERE meeting_id = ? AND case_id = ?",
                            minutes, item.meetingId(), toCaseId);
                }
                removeAgendaItem(item.meetingId(), fromCaseId);
            }
            moved++;
        }
        return moved;
    }

    private static String joinMinutes(String first, String second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        String joined = first + "\n\n" + second;
        return joined.length() > 8000 ? joined.substring(0, 8000) : joined;
    }

    private static MeetingRecord meeting(ResultSet row) throws SQLException {
        return new MeetingRecord(row.getString(1), localDate(row, 2), row.getTimestamp(3).toInstant(),
                row.getString(4));
    }

    private static AgendaItem item(ResultSet row) throws SQLException {
        return itemFrom(row, 1);
    }

    private static AgendaItem itemFrom(ResultSet row, int first) throws SQLException {
        Timestamp minutesAt = row.getTimestamp(first + 7);
        return new AgendaItem(row.getString(first), row.getString(first + 1), row.getInt(first + 2),
                JdbcMatchStore.split(row.getString(first + 3)), row.getTimestamp(first + 4).toInstant(),
                row.getString(first + 5), row.getString(first + 6), minutesAt == null ? null : minutesAt.toInstant(),
                row.getString(first + 8));
    }

    private static AgreementRecord agreement(ResultSet row) throws SQLException {
        Agreement agreement = new Agreement(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                localDate(row, 5), "done".equals(row.getString(6)) ? Agreement.Status.DONE : Agreement.Status.OPEN);
        Timestamp notified = row.getTimestamp(13);
        return new AgreementRecord(agreement, row.getString(7), localDate(row, 8), row.getTimestamp(9).toInstant(),
                row.getString(10), localDate(row, 11), row.getString(12), notified == null ? null : notified.toInstant());
    }
}
