package nl.zorgtafel.core.internal.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import nl.zorgtafel.core.internal.access.PartnerCategory;
import nl.zorgtafel.core.internal.audit.AuditEvent;
import nl.zorgtafel.core.internal.audit.AuditTrail;
import nl.zorgtafel.core.internal.security.Authenticator;
import nl.zorgtafel.core.internal.security.Caller;

/**
 * What one request's audit record will say, gathered while it is served: when it came, from
 * where, who it turned out to be (or claimed to be), and what the route learnt about it that
 * its path does not show (the case a new signal landed in). {@link #event} turns it into the
 * record once the status is known.
 */
final class RequestAudit {

    private static final String ATTRIBUTE = RequestAudit.class.getName();

    private final Instant receivedAt;
    private final String source;
    private Caller caller;
    private boolean viaSession;
    private String claimedName;
    private final List<String> caseIds = new ArrayList<>();
    private String youthId;
    private String detail;

    private RequestAudit(Instant receivedAt, String source) {
        this.receivedAt = receivedAt;
        this.source = source == null ? "unknown" : source;
    }

    static RequestAudit begin(HttpServletRequest request, Instant now) {
        RequestAudit audit = new RequestAudit(now, request.getRemoteAddr());
        request.setAttribute(ATTRIBUTE, audit);
        if ("GET".equals(request.getMethod()) && RequestGuard.readableQuery(request)) {
            // a read filtered by case (GET /audit?caseId=) concerns that case, allowed or not;
            // a query that does not decode concerns none (the guard refuses it)
            audit.concerns(request.getParameter("caseId"));
        }
        return audit;
    }

    /** The request's audit, or a detached one for a request that was not begun (a unit test's). */
    static RequestAudit of(HttpServletRequest request) {
        Object audit;
        try {
            audit = request.getAttribute(ATTRIBUTE);
        } catch (UnsupportedOperationException requestWithoutAttributes) {
            audit = null;
        }
        return audit instanceof RequestAudit known ? known : new RequestAudit(Instant.EPOCH, remoteAddress(request));
    }

    private static String remoteAddress(HttpServletRequest request) {
        try {
            return request.getRemoteAddr();
        } catch (UnsupportedOperationException requestWithoutAddress) {
            return null;
        }
    }

    /** The client's address, as the lock-out per source counts it. */
    String source() {
        return source;
    }

    void identified(Caller who, boolean session) {
        this.caller = who;
        this.viaSession = session;
    }

    Caller caller() {
        return caller;
    }

    /** The name someone tried to log in with (the login form's, a Basic header's). */
    void claimed(String name) {
        this.claimedName = name;
    }

    /** The case the request turned out to be about (a new signal's, a message's). */
    void concerns(String caseId) {
        if (caseId != null && !caseIds.contains(caseId)) {
            caseIds.add(caseId);
        }
    }

    void aboutYouth(String id) {
        this.youthId = id;
    }

    /** A short, content-free note: a count, a filter name. */
    void note(String text) {
        this.detail = text;
    }

    AuditEvent event(AuditRoutes.Description what, int status, String authorization) {
        String user;
        String roles = "";
        String partner = null;
        if (caller != null) {
            user = caller.name();
            roles = String.join(",", caller.roles().stream().sorted().toList());
            partner = caller.partnerId();
        } else if (claimedName != null) {
            user = claimedName;
        } else {
            user = Authenticator.claimedName(authorization).orElse(authorization == null ? "anonymous"
                    : "unrecognised credentials");
        }
        String caseId = what.caseId() != null ? what.caseId() : caseIds.isEmpty() ? null : caseIds.get(0);
        String note = detail;
        if (caseIds.size() > 1) {
            note = (note == null ? "" : note + "; ") + "cases " + String.join(",", caseIds);
        }
        return new AuditEvent(AuditTrail.newEventId(), receivedAt, what.action(), what.resource(),
                AuditEvent.Outcome.ofStatus(status), status, user, partner, roles, what.purpose().code(),
                what.purpose().legalBasis(PartnerCategory.of(partner)), caseId,
                youthId != null ? youthId : what.youthId(), null, what.objectId(), viaSession ? "ui" : "api", source,
                note);
    }
}
