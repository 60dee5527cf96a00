package nl.zorgtafel.core.internal.audit;

import java.time.Clock;
import nl.zorgtafel.core.internal.access.PartnerCategory;
import nl.zorgtafel.core.internal.access.Purpose;

/** Audit events raised outside an API request: a lock-out starting, a verification from the shell. */
public final class SystemEvents {

    private SystemEvents() {
    }

    /** A user name or a source address was locked out after repeated failed logins. */
    public static AuditEvent lockout(Clock clock, String kind, String who, long minutes) {
        boolean byName = "name".equals(kind);
        return new AuditEvent(AuditTrail.newEventId(), clock.instant(), AuditEvent.Action.LOGIN, "lock-out",
                AuditEvent.Outcome.DENIED, 0, byName ? who : "unknown", null, "",
                Purpose.AUTHENTICATION.code(), Purpose.AUTHENTICATION.legalBasis(PartnerCategory.OTHER), null, null,
                null, null, "api", byName ? "unknown" : who, "lock-out of the " + (byName ? "user name" : "source address")
                        + " for " + minutes + " minutes after repeated failed logins");
    }

    /** A partner's file was taken from its drop folder ({@code data/inbox/<partner>/}) into the inbox. */
    public static AuditEvent fileDrop(Clock clock, String partnerId, nl.zorgtafel.core.internal.inbox.Receipt receipt) {
        java.util.List<String> cases = receipt.caseIds() == null ? java.util.List.of() : receipt.caseIds();
        return new AuditEvent(AuditTrail.newEventId(), clock.instant(), AuditEvent.Action.CREATE,
                "file-drop data/inbox/{id}", receipt.status().name().equals("REJECTED") ? AuditEvent.Outcome.INVALID
                : AuditEvent.Outcome.SUCCESS, 0, "system:" + partnerId, partnerId, "partner-" + partnerId,
                Purpose.MESSAGE_EXCHANGE.code(), Purpose.MESSAGE_EXCHANGE.legalBasis(PartnerCategory.of(partnerId)),
                cases.isEmpty() ? null : cases.get(0), null, null, receipt.messageId(), "file-drop", "filesystem",
                receipt.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (cases.size() > 1 ? "; cases " + String.join(",", cases) : ""));
    }

    /**
     * A partner message was applied (or refused) after its partner had been answered
     * "pending": its adapter was away, or processing took longer than the request waited.
     */
    public static AuditEvent appliedLater(Clock clock, String partnerId, nl.zorgtafel.core.internal.inbox.Receipt receipt) {
        java.util.List<String> cases = receipt.caseIds() == null ? java.util.List.of() : receipt.caseIds();
        boolean rejected = receipt.status().name().equals("REJECTED");
        return new AuditEvent(AuditTrail.newEventId(), clock.instant(), AuditEvent.Action.UPDATE,
                "inbox message applied", rejected ? AuditEvent.Outcome.INVALID : AuditEvent.Outcome.SUCCESS, 0,
                "system:inbox", partnerId, "partner-" + partnerId, Purpose.MESSAGE_EXCHANGE.code(),
                Purpose.MESSAGE_EXCHANGE.legalBasis(PartnerCategory.of(partnerId)),
                cases.isEmpty() ? null : cases.get(0), null, null, receipt.messageId(), "inbox", "platform",
                receipt.status().name().toLowerCase(java.util.Locale.ROOT) + " after a pending answer"
                        + (cases.size() > 1 ? "; cases " + String.join(",", cases) : ""));
    }

    /** A notification was delivered to a partner: a share, with its purpose and legal basis. */
    public static AuditEvent delivery(Clock clock, nl.zorgtafel.core.internal.store.OutboxStore.OutboxEntry entry) {
        return new AuditEvent(AuditTrail.newEventId(), clock.instant(), AuditEvent.Action.DISCLOSE,
                "notification " + entry.kind().name().toLowerCase(java.util.Locale.ROOT), AuditEvent.Outcome.SUCCESS,
                0, "system:outbox", entry.partnerId(), "partner-" + entry.partnerId(),
                Purpose.CARE_COORDINATION.code(), Purpose.CARE_COORDINATION.legalBasis(PartnerCategory.of(
                entry.partnerId())), entry.caseId(), entry.youthId(), null, entry.notificationId(), "outbox",
                "platform", "attempt " + (entry.attempts() + 1));
    }

    /** The audit trail was verified from the Karaf shell. */
    public static AuditEvent verification(Clock clock, String user, boolean valid) {
        return new AuditEvent(AuditTrail.newEventId(), clock.instant(), AuditEvent.Action.AUDIT_VERIFY,
                "shell zorgtafel:audit-verify", AuditEvent.Outcome.SUCCESS, 0, user, null, "",
                Purpose.PRIVACY_SUPERVISION.code(), Purpose.PRIVACY_SUPERVISION.legalBasis(PartnerCategory.OTHER),
                null, null, null, null, "shell", "localhost", valid ? "chain valid" : "chain broken");
    }
}
