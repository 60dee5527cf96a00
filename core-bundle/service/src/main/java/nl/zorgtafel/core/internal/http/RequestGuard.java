package nl.zorgtafel.core.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.security.RateLimiter;

/**
 * What every API request passes before its route: the security headers on its answer, no
 * cross-origin use (no CORS header is ever sent, a preflight is refused, a request from a
 * page of another origin is refused), a query string that decodes, and, once the caller is
 * known, its rate limit.
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
     * whose {@code Origin} is not the API's own host; and a query string that does not decode,
     * which the container would otherwise refuse with its own error page once a parameter is read.
     */
    static void screen(HttpServletRequest request) {
        if (!readableQuery(request)) {
            throw ApiException.badRequest("The query string cannot be decoded.",
                    List.of(new Fault("query", "not percent-encoded UTF-8")));
        }
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

    /** Whether the request's query string, if any, is percent-encoded UTF-8 that decodes. */
    static boolean readableQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else if (i + 2 < query.length() && HexFormat.isHexDigit(query.charAt(i + 1))
                    && HexFormat.isHexDigit(query.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
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
