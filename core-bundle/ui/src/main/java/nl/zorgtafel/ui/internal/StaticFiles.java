package nl.zorgtafel.ui.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which file of the UI a path below {@code /ui} names, and its media type. Only plain names
 * of known kinds under {@code web/} are served: no {@code ..}, no hidden files, no folders.
 */
final class StaticFiles {

    /** Where the files are inside the bundle. */
    static final String ROOT = "web/";
    static final String INDEX = "index.html";
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_.-]*\\.[a-z0-9]+");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "woff2", "font/woff2");

    /** A file to serve: its resource name in the bundle and its media type. */
    record Asset(String resource, String mediaType) {
    }

    private StaticFiles() {
    }

    /**
     * The asset for a request's path below {@code /ui}: {@code "/"} is the index page;
     * {@code null} or {@code ""} (that is {@code /ui} itself) and anything unsafe or unknown is
     * nothing.
     */
    static Optional<Asset> resolve(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        String path = pathInfo.equals("/") ? INDEX : pathInfo.substring(1);
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String mediaType = MEDIA_TYPES.get(extension);
        return mediaType == null ? Optional.empty() : Optional.of(new Asset(ROOT + path, mediaType));
    }
}
