package nl.zorgtafel.core.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.core.internal.http.ApiServletAccess;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.security.Sessions;
import org.osgi.framework.BundleContext;

/**
 * The real core and the real API servlet, without OSGi and without Jetty: a {@link Core} on a
 * fresh Derby database under {@code target/}, and requests served in memory. Partner systems
 * call with bearer tokens; people with web UI sessions opened directly (the JAAS realm needs
 * Karaf), so that every route, every rule and the audit trail run as they do in production.
 */
public final class ApiHarness implements AutoCloseable {

    private final Path folder;
    private final Core core;
    private final ApiServletAccess servlet;
    private final Map<String, String> partnerTokens = new HashMap<>();

    /** An answer: status, headers and body, and how many bytes of the request's body the API read. */
    public record Answer(int status, Map<String, String> headers, String body, long bytesRead) {
    }

    /** The tables a request could write into (besides the audit trail, which records every request). */
    private static final List<String> WRITTEN_TABLES = List.of("youth", "care_case", "case_partner", "case_signal",
            "trajectory", "measure", "investigation", "advice", "inbox", "inbox_pending", "meeting", "agenda_item",
            "agreement", "crisis", "measure_request", "alert", "case_status_change", "erasure", "outbox",
            "match_candidate", "youth_merge");

    public ApiHarness() throws Exception {
        this(Map.of());
    }

    /** A harness whose core configuration differs from the defaults where {@code overrides} say. */
    public ApiHarness(Map<String, Object> overrides) throws Exception {
        System.setProperty("derby.system.durability", "test");
        folder = Path.of(System.getProperty("basedir", "."), "target", "api-harness", UUID.randomUUID().toString());
        Files.createDirectories(folder.resolve("etc"));
        Map<String, String> properties = Map.of("karaf.data", folder.resolve("data").toString(),
                "karaf.etc", folder.resolve("etc").toString());
        BundleContext context = proxy(BundleContext.class, (p, method, args) ->
                method.getName().equals("getProperty") ? properties.get((String) args[0]) : null);
        Core.Config config = proxy(Core.Config.class, (p, method, args) ->
                overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue());
        this.core = new Core(context, config);
        this.servlet = new ApiServletAccess(core);
    }

    public Core core() {
        return core;
    }

    public Path dataFolder() {
        return folder.resolve("data");
    }

    /** Configures a partner system; returns its bearer token. */
    public String partner(String partnerId) {
        String token = "token-" + partnerId + "-" + UUID.randomUUID();
        partnerTokens.put(partnerId, token);
        core.partners().configured(new PartnerSettings(partnerId, sha256(token), "", "", true));
        return token;
    }

    /** The headers that make a request a partner system's. */
    public Map<String, String> asPartner(String partnerId) {
        String token = partnerTokens.computeIfAbsent(partnerId, id -> {
            String made = "token-" + id + "-" + UUID.randomUUID();
            core.partners().configured(new PartnerSettings(id, sha256(made), "", "", true));
            return made;
        });
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Configures a partner that may send messages of at most {@code maxMessageBytes}; returns its headers. */
    public Map<String, String> partnerWithLimit(String partnerId, long maxMessageBytes) {
        String token = "token-" + partnerId + "-" + UUID.randomUUID();
        partnerTokens.put(partnerId, token);
        core.partners().configured(new PartnerSettings(partnerId, sha256(token), "", "", true, null, maxMessageBytes));
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Configures a partner whose notifications are written as files into {@code directory}; returns its headers. */
    public Map<String, String> filePartner(String partnerId, Path directory) {
        String token = "token-" + partnerId + "-" + UUID.randomUUID();
        partnerTokens.put(partnerId, token);
        core.partners().configured(new PartnerSettings(partnerId, sha256(token), "", directory.toString(), true));
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The headers that make a request a logged-in person's (cookie and CSRF token). */
    public Map<String, String> asPerson(String name, String... roles) {
        Sessions.Session session = core.sessions().open(Caller.person(name, java.util.Set.of(roles)));
        return Map.of("Cookie", Sessions.COOKIE + "=" + session.id(), Sessions.CSRF_HEADER, session.csrfToken());
    }

    public Answer get(String path, Map<String, String> headers) {
        return call("GET", path, headers, null, null);
    }

    public Answer post(String path, Map<String, String> headers, String json) {
        return call("POST", path, headers, "application/json", json);
    }

    /**
     * Serves one request.
     *
     * @param path below {@code /api/v1}, with an optional query ({@code /cases?status=open})
     */
    public Answer call(String method, String path, Map<String, String> headers, String contentType, String body) {
        return send(method, path, headers, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Body.DECLARED);
    }

    /**
     * Serves one request whose body comes without a {@code Content-Length}, as a chunked one
     * does: the API learns its size only by reading it.
     */
    public Answer callChunked(String method, String path, Map<String, String> headers, String contentType,
                              String body) {
        return send(method, path, headers, contentType, body.getBytes(StandardCharsets.UTF_8), Body.CHUNKED);
    }

    /**
     * Serves one request whose body breaks off: it declares more than it holds, and reading
     * past what it holds fails, as it does when a client goes away or sends a broken chunk.
     */
    public Answer callBrokenOff(String method, String path, Map<String, String> headers, String contentType,
                                String body) {
        return send(method, path, headers, contentType, body.getBytes(StandardCharsets.UTF_8), Body.BROKEN_OFF);
    }

    /** How a request's body comes. */
    private enum Body {
        /** with its length in {@code Content-Length} */
        DECLARED,
        /** without a length, as chunks */
        CHUNKED,
        /** with a length longer than what comes */
        BROKEN_OFF
    }

    private Answer send(String method, String path, Map<String, String> given, String contentType, byte[] body,
                        Body mode) {
        byte[] bytes = body == null ? new byte[0] : body;
        Map<String, String> headers = new HashMap<>(given);
        if (mode == Body.CHUNKED) {
            headers.put("Transfer-Encoding", "chunked");
        }
        long declared = body == null || mode == Body.CHUNKED ? -1L
                : bytes.length + (mode == Body.BROKEN_OFF ? 100 : 0);
        String pathInfo = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : null;
        Map<String, Object> attributes = new HashMap<>();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        long[] read = {0};
        HttpServletRequest request = proxy(HttpServletRequest.class, (p, m, args) -> switch (m.getName()) {
            case "getMethod" -> method;
            case "getPathInfo" -> pathInfo;
            case "getRequestURI" -> "/api/v1" + pathInfo;
            case "getContextPath" -> "";
            case "getServletPath" -> "/api/v1";
            case "getHeader" -> header(headers, (String) args[0]);
            case "getHeaders" -> {
                String value = header(headers, (String) args[0]);
                yield Collections.enumeration(value == null ? List.of() : List.of(value));
            }
            case "getContentType" -> contentType;
            case "getContentLengthLong" -> declared;
            case "getContentLength" -> (int) declared;
            case "getQueryString" -> query;
            case "getParameter" -> parameter(query, (String) args[0]);
            case "getRemoteAddr" -> "127.0.0.1";
            case "isSecure" -> false;
            case "getScheme" -> "http";
            case "getAttribute" -> attributes.get((String) args[0]);
            case "setAttribute" -> attributes.put((String) args[0], args[1]);
            case "removeAttribute" -> attributes.remove((String) args[0]);
            case "getInputStream" -> new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b < 0 && mode == Body.BROKEN_OFF) {
                        throw new IOException("the client went away");
                    }
                    read[0] += b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n < 0 && mode == Body.BROKEN_OFF) {
                        throw new IOException("the client went away");
                    }
                    read[0] += Math.max(n, 0);
                    return n;
                }
            };
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == args[0];
            default -> null;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] status = {200};
        Map<String, String> answered = new LinkedHashMap<>();
        String[] encoding = {null};
        HttpServletResponse response = proxy(HttpServletResponse.class, (p, m, args) -> switch (m.getName()) {
            case "setStatus" -> {
                status[0] = (Integer) args[0];
                yield null;
            }
            case "getStatus" -> status[0];
            case "setHeader", "addHeader" -> {
                if (args[1] == null) {
                    answered.remove(((String) args[0]).toLowerCase());
                } else {
                    answered.put(((String) args[0]).toLowerCase(), (String) args[1]);
                }
                yield null;
            }
            case "setContentType" -> answered.put("content-type", (String) args[0]);
            case "getContentType" -> answered.get("content-type");
            case "setCharacterEncoding" -> {
                encoding[0] = (String) args[0];
                yield null;
            }
            case "getCharacterEncoding" -> encoding[0] == null ? "UTF-8" : encoding[0];
            case "getOutputStream" -> new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    out.write(b);
                }
            };
            case "isCommitted" -> false;
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == args[0];
            default -> null;
        });
        try {
            servlet.service(request, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Answer(status[0], answered, out.toString(StandardCharsets.UTF_8), read[0]);
    }

    /**
     * A query parameter, decoded as a servlet container decodes it: the whole query at once, and a
     * query it cannot decode (a bad percent escape) is a runtime exception whichever parameter is asked.
     */
    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters.get(name);
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @Override
    public void close() throws Exception {
        core.stop();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The summaries of the notifications in the outbox, oldest first. */
    public List<String> outboxSummaries() {
        org.apache.derby.jdbc.EmbeddedDataSource source = new org.apache.derby.jdbc.EmbeddedDataSource();
        source.setDatabaseName(dataFolder().resolve("zorgtafel").resolve("database").toAbsolutePath().toString());
        List<String> summaries = new ArrayList<>();
        try (java.sql.Connection connection = source.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery("SELECT summary FROM outbox ORDER BY seq")) {
            while (result.next()) {
                summaries.add(result.getString(1));
            }
            return summaries;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    /** The rows of every table a request could write into, by table: what a refused request must leave as it was. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : WRITTEN_TABLES) {
            counts.put(table, rows(table));
        }
        return counts;
    }

    /** The number of rows in a table, read beside the core (the database is booted: no key needed). */
    public long rows(String table) {
        org.apache.derby.jdbc.EmbeddedDataSource source = new org.apache.derby.jdbc.EmbeddedDataSource();
        source.setDatabaseName(dataFolder().resolve("zorgtafel").resolve("database").toAbsolutePath().toString());
        try (java.sql.Connection connection = source.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot count " + table, e);
        }
    }

    /** Every file under the data folder whose bytes hold this text (a BSN, a name). */
    public List<Path> dataFilesHolding(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataFolder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    holding.add(file);
                }
            }
        }
        return holding;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(ApiHarness.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
