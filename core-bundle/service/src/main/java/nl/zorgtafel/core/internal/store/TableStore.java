package nl.zorgtafel.core.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.Agreement;

/** The table part of the store: meetings, their agenda and minutes, and agreements. */
public interface TableStore {

    /** A meeting (casusoverleg) as stored. */
    record MeetingRecord(String id, LocalDate date, Instant createdAt, String createdBy) {
    }

    /**
     * A case on a meeting's agenda.
     *
     * @param reasons why it is there: {@code new}, {@code repeat}, {@code crisis},
     *     {@code overdue-agreement}, or {@code added} by the coordinator
     * @param minutes what the table recorded about it, or {@code null}
     */
    record AgendaItem(String meetingId, String caseId, int order, List<String> reasons, Instant addedAt,
                      String addedBy, String minutes, Instant minutesAt, String minutesBy) {
        public AgendaItem {
            reasons = List.copyOf(reasons);
        }
    }

    /** A meeting whose agenda holds a case, with the case's item. */
    record CaseMeeting(MeetingRecord meeting, AgendaItem item) {
    }

    /** An agreement with when, where and by whom it was made and done. */
    record AgreementRecord(Agreement agreement, String meetingId, LocalDate madeOn, Instant madeAt, String madeBy,
                           LocalDate doneOn, String doneBy, Instant overdueNotifiedAt) {
    }

    // ---- meetings and agendas ----

    void addMeeting(MeetingRecord meeting);

    Optional<MeetingRecord> meeting(String meetingId);

    /** Every meeting, latest date first. */
    List<MeetingRecord> meetings();

    /** The latest meeting before this date, other than {@code exceptMeetingId}. */
    Optional<MeetingRecord> previousMeeting(LocalDate before, String exceptMeetingId);

    /** The cases on the agenda of meetings on or before this date, other than {@code exceptMeetingId}. */
    Set<String> casesOnAgendasBefore(LocalDate onOrBefore, String exceptMeetingId);

    List<AgendaItem> agendaOf(String meetingId);

    Optional<AgendaItem> agendaItem(String meetingId, String caseId);

    /** Adds a case at the end of the agenda; returns its item. */
    AgendaItem addAgendaItem(String meetingId, String caseId, List<String> reasons, Instant at, String by);

    void removeAgendaItem(String meetingId, String caseId);

    void recordMinutes(String meetingId, String caseId, String text, Instant at, String by);

    /** The meetings whose agenda holds this case, oldest first. */
    List<CaseMeeting> meetingsOf(String caseId);

    // ---- agreements ----

    void addAgreement(AgreementRecord agreement);

    Optional<AgreementRecord> agreement(String agreementId);

    List<AgreementRecord> agreementsOf(String caseId);

    /**
     * Agreements, by due date.
     *
     * @param status only these ({@code null}: all)
     * @param ownerPartner only those this partner owns ({@code null}: all)
     */
    List<AgreementRecord> agreements(Agreement.Status status, String ownerPartner);

    void markAgreementDone(String agreementId, LocalDate on, String by);

    void reopenAgreement(String agreementId);

    /** A new due date; an agreement that was overdue may become overdue again, and is told again. */
    void changeDueDate(String agreementId, LocalDate dueDate);

    /** Open agreements past their due date whose owner was not told yet. */
    List<AgreementRecord> overdueNotNotified(LocalDate today);

    void markOverdueNotified(String agreementId, Instant at);

    /** The cases with an open agreement due before this day. */
    Set<String> casesWithAgreementsDueBefore(LocalDate day);

    // ---- merges ----

    /** Moves a case's agreements and agenda items to another case (a merge); returns how many. */
    int moveCase(String fromCaseId, String toCaseId);
}
