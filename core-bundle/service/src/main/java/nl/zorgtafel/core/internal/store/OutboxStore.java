package nl.zorgtafel.core.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.api.partner.Notification;

/** The outbox part of the store: notifications waiting for, or done with, delivery. */
public interface OutboxStore {

    /** Where a notification stands. */
    enum Status {
        PENDING, DELIVERED, DEAD
    }

    /**
     * A notification to one partner.
     *
     * @param youthId the youth it concerns: delivery keeps their notifications in order
     */
    record OutboxEntry(long seq, String notificationId, String partnerId, Notification.Kind kind, String caseId,
                       String youthId, String summary, String agreementId, Instant createdAt, Status status,
                       int attempts, Instant nextAttemptAt, String lastError) {
    }

    /** Adds a pending notification, due at once; returns its sequence number. */
    long addToOutbox(String notificationId, String partnerId, Notification.Kind kind, String caseId, String youthId,
                     String summary, String agreementId, Instant createdAt);

    /**
     * A partner's notifications that may be delivered now, oldest first: pending, due, and
     * the first still pending for their youth (a later one waits for the earlier).
     */
    List<OutboxEntry> deliverable(String partnerId, Instant now, int limit);

    void markDelivered(long seq, Instant at);

    /** Records a failed attempt: tried again at {@code nextAttemptAt}, or dead when {@code dead}. */
    void markFailed(long seq, int attempts, Instant nextAttemptAt, String error, boolean dead);

    /** Makes a partner's dead letters pending again, due at once; returns how many. */
    int replayDeadLetters(String partnerId, Instant now);

    List<OutboxEntry> deadLetters(String partnerId);

    /** How many notifications per partner have this status. */
    Map<String, Long> outboxCountByPartner(Status status);

    /** The last delivery error per partner, of notifications not yet delivered. */
    Map<String, String> lastOutboxErrorByPartner();
}
