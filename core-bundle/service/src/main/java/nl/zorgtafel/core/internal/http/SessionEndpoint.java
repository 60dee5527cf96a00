package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.core.internal.security.Authenticator;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.security.Sessions;

/**
 * {@code /api/v1/session}, the web UI's login: {@code POST} with a name and password from the
 * {@code zorgtafel} realm opens a session (cookie), {@code GET} says who it is, {@code DELETE}
 * ends it. Also finds the caller of any other request by that cookie, refusing a state change
 * that lacks the session's CSRF token.
 */
final class SessionEndpoint {

    /** Sent by the web UI, so that a 401 does not make the browser ask for Basic credentials itself. */
    static final String UI_HEADER = "X-Requested-With";

    private final Authenticator authenticator;
    private final Sessions sessions;
    private final ObjectMapper json;

    SessionEndpoint(Authenticator authenticator, Sessions sessions, ObjectMapper json) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.json = json;
    }

    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getMethod()) {
            case "POST" -> login(request, response);
            case "GET" -> write(response, 200, body(current(request).orElseThrow(ApiException::unauthorized)));
            case "DELETE" -> logout(request, response);
            default -> throw ApiException.methodNotAllowed();
        }
    }

    /**
     * The person whose session cookie this request carries, if it is live.
     *
     * @throws ApiException 403 when the request changes state without the session's CSRF token
     */
    Optional<Caller> caller(HttpServletRequest request) {
        Optional<Sessions.Session> session = current(request);
        if (session.isPresent()
                && !Sessions.allows(session.get(), request.getMethod(), request.getHeader(Sessions.CSRF_HEADER))) {
            throw csrfMissing();
        }
        return session.map(Sessions.Session::caller);
    }

    /** Whether a 401 should challenge for Basic credentials: not when the web UI asks. */
    static boolean challenges(HttpServletRequest request) {
        return request.getHeader(UI_HEADER) == null;
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ContentType type = ContentType.parse(request.getContentType());
        if (type == null || !type.mediaType().equals("application/json")) {
            throw ApiException.unsupportedMediaType("Send application/json.");
        }
        JsonNode credentials = readJson(request);
        List<Fault> faults = new ArrayList<>();
        String name = text(credentials, "username", faults);
        String password = text(credentials, "password", faults);
        if (!faults.isEmpty()) {
            throw ApiException.badRequest("The login needs a username and a password.", faults);
        }
        RequestAudit audit = RequestAudit.of(request);
        audit.claimed(name);
        Caller person = authenticator.person(name, password.toCharArray(), audit.source())
                .orElseThrow(() -> new ApiException(401, "login-failed", "Login failed",
                        "The name or the password is not right.", List.of()));
        // a new id at every login: a session id from before the login is worth nothing
        Sessions.sessionId(cookieHeader(request)).ifPresent(sessions::close);
        Sessions.Session session = sessions.open(person);
        response.addHeader("Set-Cookie", Sessions.cookie(session, request.isSecure()));
        write(response, 200, body(session));
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) {
        Sessions.Session session = current(request).orElseThrow(ApiException::unauthorized);
        if (!Sessions.allows(session, "DELETE", request.getHeader(Sessions.CSRF_HEADER))) {
            throw csrfMissing();
        }
        sessions.close(session.id());
        response.addHeader("Set-Cookie", Sessions.expiredCookie(request.isSecure()));
        response.setStatus(204);
    }

    private Optional<Sessions.Session> current(HttpServletRequest request) {
        // only a read can be a page's own refresh; a change is always someone at the screen
        boolean background = "GET".equals(request.getMethod())
                && Sessions.BACKGROUND_VALUE.equals(request.getHeader(Sessions.BACKGROUND_HEADER));
        return sessions.fromCookieHeader(cookieHeader(request), !background);
    }

    private static String cookieHeader(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Cookie"));
        return headers.isEmpty() ? null : String.join("; ", headers);
    }

    private static Map<String, Object> body(Sessions.Session session) {
        Caller caller = session.caller();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", caller.name());
        body.put("roles", caller.roles().stream().sorted().toList());
        body.put("partnerId", caller.partnerId());
        body.put("csrfToken", session.csrfToken());
        return body;
    }

    private static ApiException csrfMissing() {
        return new ApiException(403, "csrf-token-missing", "Not allowed",
                "A change made with a session needs the session's " + Sessions.CSRF_HEADER + " header.", List.of());
    }

    private static String text(JsonNode body, String field, List<Fault> faults) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            faults.add(new Fault(field, "missing or not a non-empty string"));
            return null;
        }
        return value.asText();
    }

    /** The login's JSON object; its size is held to the limit by {@link BodyLimits}. */
    private JsonNode readJson(HttpServletRequest request) throws IOException {
        byte[] body = BodyLimits.read(request);
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("The body is not a JSON object.", List.of(new Fault("$", "not an object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The body is not valid JSON.", List.of(new Fault("$", "not valid JSON")));
        }
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
