package nl.zorgtafel.core.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The crisis part of the store: the path of each crisis signal (the crisis team told, its
 * acknowledgement), the measures requested, and the alerts the coordinator must see.
 */
public interface CrisisStore {

    /**
     * One crisis signal's path.
     *
     * @param notificationId the notification to the crisis team, or {@code null} when the
     *     team reported the crisis itself
     */
    record CrisisRecord(String id, String caseId, String signalId, String reportedBy, Instant raisedAt,
                        String notificationId, Instant acknowledgedAt, String acknowledgedBy, Instant alertedAt) {
    }

    /** A measure asked for (of the court, through the child-protection board). */
    record MeasureRequest(String id, String caseId, String partnerId, String kind, LocalDate requestedOn, String note,
                          Instant requestedAt, String requestedBy) {
    }

    /** Something the coordinator must look at, until it is resolved. */
    record Alert(String id, String caseId, String kind, String summary, String crisisId, Instant raisedAt,
                 Instant resolvedAt, String resolvedBy) {

        public boolean isOpen() {
            return resolvedAt == null;
        }
    }

    /** Where the notification to the crisis team stands (read from the outbox). */
    record NotificationState(String notificationId, String status, int attempts, Instant deliveredAt) {
    }

    void addCrisis(CrisisRecord crisis);

    java.util.Optional<NotificationState> notificationState(String notificationId);

    List<CrisisRecord> crisesOf(String caseId);

    /** Crises raised at or before {@code raisedBy}, not acknowledged and not yet alerted. */
    List<CrisisRecord> unacknowledged(Instant raisedBy);

    /** Acknowledges every unacknowledged crisis of the case; returns how many. */
    int acknowledge(String caseId, Instant at, String by);

    void markAlerted(String crisisId, Instant at);

    void addMeasureRequest(MeasureRequest request);

    List<MeasureRequest> measureRequestsOf(String caseId);

    void addAlert(Alert alert);

    /** Alerts, newest first: the open ones, the resolved ones, or all ({@code open} null). */
    List<Alert> alerts(Boolean open);

    List<Alert> alertsOf(String caseId);

    /** Resolves the case's open alerts of this kind; returns how many. */
    int resolveAlerts(String caseId, String kind, Instant at, String by);

    /** Moves a case's crises, measure requests and alerts to another case (a merge); returns how many. */
    int moveCase(String fromCaseId, String toCaseId);
}
