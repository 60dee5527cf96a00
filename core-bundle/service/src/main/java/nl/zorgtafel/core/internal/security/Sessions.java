package nl.zorgtafel.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web UI's sessions: a person who logged in once gets a random session id in an
 * HttpOnly, SameSite=Strict cookie, mapped here to their {@link Caller}. A session ends when
 * it was not used for the idle timeout, after the absolute lifetime, or at logout.
 *
 * <p>Every session carries a second secret, its CSRF token, which the UI reads from the
 * session's JSON and sends back in the {@value #CSRF_HEADER} header; a request that changes
 * state on the strength of the cookie alone is refused.
 *
 * <p>Kept in memory: a restart logs everybody out, and with several nodes a person stays on
 * the node they logged in at (or logs in again).
 */
public final class Sessions {

    public static final String COOKIE = "zorgtafel-session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /**
     * Sent by a page's own timed refresh ({@value #BACKGROUND_VALUE}): such a request is served
     * but is no use of the session, so that an unattended screen still reaches the idle timeout.
     */
    public static final String BACKGROUND_HEADER = "X-Zorgtafel-Refresh";
    public static final String BACKGROUND_VALUE = "background";
    /** The cookie goes with API requests only: the UI's static files need no credentials. */
    static final String COOKIE_PATH = "/api/v1";
    private static final int SECRET_BYTES = 32;

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final int maxSessions;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    /** A person's session: its id (the cookie's value), its CSRF token and who it is. */
    public record Session(String id, String csrfToken, Caller caller) {

        @Override
        public String toString() {
            return "Session[" + caller.name() + "]";
        }
    }

    private record Entry(Session session, Instant openedAt, Instant lastUsedAt) {
    }

    public Sessions(Clock clock, Duration idleTimeout, Duration lifetime, int maxSessions) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || lifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("idle timeout must be positive and not longer than the lifetime");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("at least one session must fit");
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
        this.maxSessions = maxSessions;
    }

    /** Opens a session for a person who just proved who they are. */
    public Session open(Caller caller) {
        if (caller.kind() != Caller.Kind.PERSON) {
            throw new IllegalArgumentException("only people have sessions");
        }
        Instant now = clock.instant();
        dropExpired(now);
        while (sessions.size() >= maxSessions) {
            sessions.entrySet().stream()
                    .min(Comparator.comparing(entry -> entry.getValue().lastUsedAt()))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        Session session = new Session(secret(), secret(), caller);
        sessions.put(session.id(), new Entry(session, now, now));
        return session;
    }

    /** The live session this id names, which counts as a use of it; nothing for an ended or unknown one. */
    public Optional<Session> find(String sessionId) {
        return find(sessionId, true);
    }

    /**
     * The live session this id names; {@code use} says whether the request counts as a use of
     * it (a person at the screen) or not (the page refreshing itself).
     */
    public Optional<Session> find(String sessionId, boolean use) {
        if (sessionId == null || sessionId.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry, now)) {
            sessions.remove(sessionId, entry);
            return Optional.empty();
        }
        if (use) {
            sessions.replace(sessionId, entry, new Entry(entry.session(), entry.openedAt(), now));
        }
        return Optional.of(entry.session());
    }

    /** The session named by the {@code Cookie} header's {@value #COOKIE}, if it is live; a use of it. */
    public Optional<Session> fromCookieHeader(String cookieHeader) {
        return fromCookieHeader(cookieHeader, true);
    }

    /** The session named by the {@code Cookie} header, if it is live; {@code use} as for {@link #find(String, boolean)}. */
    public Optional<Session> fromCookieHeader(String cookieHeader, boolean use) {
        return sessionId(cookieHeader).flatMap(id -> find(id, use));
    }

    /** Ends a session (logout); an unknown id is no error. */
    public void close(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    /** How many sessions are open, expired ones not counted. */
    public int count() {
        dropExpired(clock.instant());
        return sessions.size();
    }

    /**
     * Whether a request with this method may use this session: reading always; changing
     * state only with the session's CSRF token, compared in constant time.
     */
    public static boolean allows(Session session, String method, String csrfToken) {
        if (!changesState(method)) {
            return true;
        }
        return csrfToken != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                csrfToken.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean changesState(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** The session id in a {@code Cookie} header ({@code a=1; zorgtafel-session=…}), if there is one. */
    public static Optional<String> sessionId(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(COOKIE)) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code Set-Cookie} value that hands a session to the browser. */
    public static String cookie(Session session, boolean secure) {
        return COOKIE + "=" + session.id() + "; Path=" + COOKIE_PATH + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the browser forget its session. */
    public static String expiredCookie(boolean secure) {
        return COOKIE + "=; Path=" + COOKIE_PATH + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.lastUsedAt().plus(idleTimeout)) || !now.isBefore(entry.openedAt().plus(lifetime));
    }

    private void dropExpired(Instant now) {
        sessions.entrySet().removeIf(entry -> expired(entry.getValue(), now));
    }

    private String secret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
