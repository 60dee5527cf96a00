package nl.zorgtafel.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every UI response carries. The Content-Security-Policy allows only the UI's own
 * files: no inline script or style, no other origin, no framing; data is fetched from this
 * origin's API only.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'");

    private SecurityHeaders() {
    }

    static Map<String, String> all() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        // always asked again (no-cache revalidates): an upgraded bundle is seen at the next load
        headers.put("Cache-Control", "no-cache");
        return headers;
    }
}
