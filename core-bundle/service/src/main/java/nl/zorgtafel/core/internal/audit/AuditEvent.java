package nl.zorgtafel.core.internal.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited event (NEN 7513): what was done ({@code action} on {@code resource}), when (UTC),
 * with what outcome, by whom ({@code userName}), on behalf of which partner, in which role,
 * for which purpose and on which legal basis, about which case and youth (by id and BSN
 * pseudonym, never by name or BSN), and from where. It never holds case content.
 *
 * @param httpStatus the HTTP status answered, or 0 for what did not come over HTTP
 * @param objectId the other thing the event is about (a meeting, an agreement, a message id)
 * @param channel {@code api}, {@code ui}, {@code shell}, {@code scheduler}
 * @param detail a short, content-free note (a count, "lock-out", a filter)
 */
public record AuditEvent(String eventId, Instant occurredAt, Action action, String resource, Outcome outcome,
                         int httpStatus, String userName, String partnerId, String roles, String purpose,
                         String legalBasis, String caseId, String youthId, String youthPseudonym, String objectId,
                         String channel, String sourceAddress, String detail) {

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        roles = roles == null ? "" : roles;
    }

    /** The same event, about this youth. */
    public AuditEvent aboutYouth(String youthId, String youthPseudonym) {
        return new AuditEvent(eventId, occurredAt, action, resource, outcome, httpStatus, userName, partnerId, roles,
                purpose, legalBasis, caseId, youthId, youthPseudonym, objectId, channel, sourceAddress, detail);
    }

    /** What was done. */
    public enum Action {
        READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT, ERASE, LOGIN, LOGOUT, AUDIT_READ, AUDIT_VERIFY, RETENTION,
        /** Personal data sent to a partner (verstrekking): a notification delivered. */
        DISCLOSE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** How it ended. */
    public enum Outcome {
        /** Done. */
        SUCCESS,
        /** Refused for the credentials: 401, 403, 429, a lock-out. */
        DENIED,
        /** Refused for the request itself: another 4xx. */
        INVALID,
        /** The platform failed: 5xx. */
        ERROR;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Outcome ofStatus(int status) {
            if (status == 401 || status == 403 || status == 429) {
                return DENIED;
            }
            if (status >= 500) {
                return ERROR;
            }
            return status >= 400 ? INVALID : SUCCESS;
        }
    }
}
