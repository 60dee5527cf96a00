package nl.zorgtafel.core.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.zorgtafel.core.internal.access.Purpose;
import nl.zorgtafel.core.internal.audit.AuditEvent.Action;

/**
 * What a request to the API is, for its audit record, read from its method and path alone:
 * so that every endpoint is audited, also one added later, without its route saying so. A
 * route adds only what its path does not show (the case a new signal landed in).
 *
 * <p>The resource is the path as a template: each segment that is an id becomes {@code {id}},
 * so a record never repeats what a caller typed into a path.
 */
final class AuditRoutes {

    /** Collections: a GET of one is a search. */
    private static final Set<String> COLLECTIONS = Set.of("cases", "meetings", "agreements", "match-candidates",
            "alerts", "partners", "dead-letters", "signals");
    /** The path segments that are words of the API, not ids. */
    private static final Set<String> WORDS = Set.of("health", "openapi.json", "session", "partners", "messages",
            "dead-letters", "replay", "signals", "cases", "timeline", "missed-signals", "close", "reopen",
            "agreements", "crisis-acknowledgement", "measure-requests", "match-candidates", "confirm", "reject",
            "meetings", "agenda-items", "minutes", "reports", "recurrence", "alerts", "audit", "verify", "privacy",
            "youths", "export", "erase", "retention", "run");

    private AuditRoutes() {
    }

    /** The audit's view of a request. */
    record Description(Action action, String resource, Purpose purpose, String caseId, String youthId,
                       String objectId) {
    }

    /** Whether a request is left out of the audit: what serves no personal data to anyone in particular. */
    static boolean unaudited(String method, ApiServlet.Path path) {
        return "GET".equals(method) && (path.is("health") || path.is("openapi.json"));
    }

    static Description describe(String method, ApiServlet.Path path) {
        List<String> segments = path.segments();
        String first = segments.isEmpty() ? "" : segments.get(0);
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        Action action = action(method, segments, first, last);
        return new Description(action, method + " /" + template(segments), purpose(first, segments, action),
                caseId(segments), youthId(segments), objectId(segments));
    }

    private static Action action(String method, List<String> segments, String first, String last) {
        if (first.equals("audit")) {
            return last.equals("verify") ? Action.AUDIT_VERIFY : Action.AUDIT_READ;
        }
        if (first.equals("session")) {
            return switch (method) {
                case "POST" -> Action.LOGIN;
                case "DELETE" -> Action.LOGOUT;
                default -> Action.READ;
            };
        }
        if (first.equals("privacy")) {
            if (last.equals("export")) {
                return Action.EXPORT;
            }
            if (last.equals("erase")) {
                return Action.ERASE;
            }
            if (segments.contains("retention")) {
                return Action.RETENTION;
            }
        }
        return switch (method) {
            case "GET", "HEAD" -> COLLECTIONS.contains(last) ? Action.SEARCH : Action.READ;
            case "POST" -> segments.size() > 1 && !COLLECTIONS.contains(last) && !last.equals("messages")
                    && !last.equals("agenda-items") && !last.equals("measure-requests") ? Action.UPDATE : Action.CREATE;
            case "PUT", "PATCH" -> Action.UPDATE;
            case "DELETE" -> Action.DELETE;
            default -> Action.READ;
        };
    }

    private static Purpose purpose(String first, List<String> segments, Action action) {
        return switch (first) {
            case "session" -> Purpose.AUTHENTICATION;
            case "audit" -> Purpose.PRIVACY_SUPERVISION;
            case "partners" -> segments.contains("messages") ? Purpose.MESSAGE_EXCHANGE : Purpose.OPERATIONS;
            case "privacy" -> switch (action) {
                case EXPORT -> Purpose.SUBJECT_ACCESS;
                case ERASE -> Purpose.ERASURE;
                case RETENTION -> Purpose.RETENTION;
                default -> Purpose.PRIVACY_SUPERVISION;
            };
            default -> Purpose.CARE_COORDINATION;
        };
    }

    private static String caseId(List<String> segments) {
        if (segments.size() >= 2 && segments.get(0).equals("cases")) {
            return segments.get(1);
        }
        if (segments.size() >= 4 && segments.get(0).equals("meetings") && segments.get(2).equals("agenda-items")) {
            return segments.get(3);
        }
        return null;
    }

    private static String youthId(List<String> segments) {
        return segments.size() >= 3 && segments.get(0).equals("privacy") && segments.get(1).equals("youths")
                ? segments.get(2) : null;
    }

    private static String objectId(List<String> segments) {
        if (segments.size() >= 4 && segments.get(0).equals("partners") && segments.get(2).equals("messages")) {
            return segments.get(3);
        }
        if (segments.size() >= 2 && Set.of("meetings", "agreements", "match-candidates", "partners")
                .contains(segments.get(0))) {
            return segments.get(1);
        }
        return null;
    }

    /** The path with every segment that is not a word of the API written {@code {id}}. */
    static String template(List<String> segments) {
        List<String> template = new ArrayList<>(segments.size());
        for (String segment : segments) {
            template.add(WORDS.contains(segment) ? segment : "{id}");
        }
        return String.join("/", template);
    }
}
