package nl.zorgtafel.core.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.security.RateLimiter;

/**
 * What every API request passes before its route: the security headers on its answer, no
 * cross-origin use (no CORS header is ever sent, a preflight is refused, a request from a
 * page of another origin is refused), and, once the caller is known, its rate limit.
 */
final class RequestGuard {

    /** The API serves JSON only: nothing in it may run, load, or be framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'; sandbox";
    private static final String LIMITED = RequestGuard.class.getName() + ".limited";

    private final RateLimiter rateLimiter;

    RequestGuard(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    static void secureHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /**
     * Refuses what crosses origins: a preflight ({@code OPTIONS}), {@code TRACE}, and a request
     * whose {@code Origin} is not the API's own host.
     */
    static void screen(HttpServletRequest request) {
        String method = request.getMethod();
        if ("OPTIONS".equals(method) || "TRACE".equals(method)) {
            throw new ApiException(403, "cross-origin-refused", "Not allowed",
                    "This API is not open to other origins.", List.of());
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request.getHeader("Host"))) {
            throw new ApiException(403, "cross-origin-refused", "Not allowed",
                    "This API is not open to other origins.", List.of());
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            String authority = uri.getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    /** Counts the request against the caller's rate, once per request; 429 when it is spent. */
    void admit(HttpServletRequest request, Caller caller) {
        if (request.getAttribute(LIMITED) != null) {
            return;
        }
        request.setAttribute(LIMITED, Boolean.TRUE);
        String key = caller.kind() == Caller.Kind.PARTNER_SYSTEM ? "partner:" + caller.partnerId()
                : "person:" + caller.name();
        if (!rateLimiter.tryAcquire(key)) {
            throw new ApiException(429, "too-many-requests", "Too many requests",
                    "This caller sent more requests than its rate allows; retry after "
                            + rateLimiter.retryAfterSeconds() + " s.", List.of());
        }
    }

    long retryAfterSeconds() {
        return rateLimiter.retryAfterSeconds();
    }
}
