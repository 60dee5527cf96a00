package nl.zorgtafel.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;

/**
 * The answer to an API request while the API is not registered: 503 in RFC 9457 problem
 * details, with {@code Retry-After}. The API's own servlet, once registered, takes every
 * request under {@code /api/}, so this answers only in the seconds it is away.
 */
final class ApiAbsent {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
            + "\"status\":503,\"detail\":\"The platform is starting or its core is being updated. Nothing was"
            + " received; send the request again after a few seconds.\"}").getBytes(StandardCharsets.UTF_8);

    private ApiAbsent() {
    }

    /** Whether a request that reached the default servlet was meant for the API. */
    static boolean concerns(String servletPath) {
        return servletPath != null && (servletPath.equals("/api") || servletPath.startsWith("/api/"));
    }

    static void answer(HttpServletResponse response) throws IOException {
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setContentLength(PROBLEM.length);
        response.getOutputStream().write(PROBLEM);
    }
}
