package nl.zorgtafel.core.internal.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * How large a body each endpoint takes: the one table of it ({@link Endpoint}; docs/api.md
 * and the OpenAPI document show the same). A body over its endpoint's limit is refused, 413,
 * before it is read: at once when its {@code Content-Length} says so, and at the first byte
 * over the limit when it comes without one (chunked), so that no more than the limit plus one
 * byte is ever read. An endpoint that is not in the table takes no body: its routes never read
 * one, and a read would be refused at the first byte.
 *
 * <p>A limit is sized for the endpoint's longest valid body with every character of its text
 * written as a JSON unicode escape (six bytes a character), with room to spare.
 */
final class BodyLimits {

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long INBOX_CAPACITY = nl.zorgtafel.core.internal.inbox.Inbox.CAPACITY_BYTES;

    /** The endpoints that take a body (or take a POST, PUT or PATCH without one), and their limits. */
    enum Endpoint {
        /** A message in the partner's own format: the partner's maxMessageBytes, else the core's (this default). */
        PARTNER_MESSAGE("POST", "partners/*/messages", 10 * MIB),
        /** A name and a password. */
        SESSION("POST", "session", 4 * KIB),
        /** A summary of 4,000 characters, names and a reference of 200: 28 KB escaped. */
        SIGNAL("POST", "signals", 64 * KIB),
        /** A reason of 2,000 characters: 12 KB escaped. */
        CLOSE("POST", "cases/*/close", 16 * KIB),
        /** A reason of 2,000 characters: 12 KB escaped. */
        REOPEN("POST", "cases/*/reopen", 16 * KIB),
        /** A description of 4,000 characters: 24 KB escaped. */
        AGREEMENT("POST", "cases/*/agreements", 32 * KIB),
        CRISIS_ACKNOWLEDGEMENT("POST", "cases/*/crisis-acknowledgement", 0),
        /** A note of 4,000 characters: 24 KB escaped. */
        MEASURE_REQUEST("POST", "cases/*/measure-requests", 32 * KIB),
        MATCH_CONFIRMATION("POST", "match-candidates/*/confirm", 0),
        MATCH_REJECTION("POST", "match-candidates/*/reject", 0),
        /** A date. */
        MEETING("POST", "meetings", KIB),
        /** A case id. */
        AGENDA_ITEM("POST", "meetings/*/agenda-items", KIB),
        /** Minutes of 8,000 characters: 48 KB escaped. */
        MINUTES("PUT", "meetings/*/agenda-items/*/minutes", 64 * KIB),
        /** A status and a due date. */
        AGREEMENT_CHANGE("PATCH", "agreements/*", KIB),
        DEAD_LETTER_REPLAY("POST", "partners/*/dead-letters/replay", 0),
        /** A legal basis of 500 characters and a reference of 200: 4.2 KB escaped. */
        ERASURE("POST", "privacy/youths/*/erase", 8 * KIB),
        RETENTION_RUN("POST", "privacy/retention/run", 0);

        private final String method;
        private final String[] path;
        private final long bytes;

        /** @param bytes the limit; 0: the endpoint takes no body */
        Endpoint(String method, String path, long bytes) {
            this.method = method;
            this.path = path.split("/");
            this.bytes = bytes;
        }

        String method() {
            return method;
        }

        /** The path below {@code /api/v1}, {@code *} for each id. */
        String path() {
            return String.join("/", path);
        }

        /** The limit in bytes; for partner messages the default, which each partner's configuration may change. */
        long bytes() {
            return bytes;
        }

        static Optional<Endpoint> of(String method, ApiServlet.Path path) {
            return Arrays.stream(values()).filter(e -> e.method.equals(method) && path.is(e.path)).findFirst();
        }
    }

    private final ToLongFunction<String> partnerLimit;

    /** @param partnerLimit the largest message a partner may send, by partner id */
    BodyLimits(ToLongFunction<String> partnerLimit) {
        this.partnerLimit = partnerLimit;
    }

    /** The limit of a request to this path, in bytes: 0 where the endpoint takes no body. */
    long limit(String method, ApiServlet.Path path) {
        Optional<Endpoint> endpoint = Endpoint.of(method, path);
        if (endpoint.isEmpty()) {
            return 0;
        }
        if (endpoint.get() == Endpoint.PARTNER_MESSAGE) {
            return Math.min(partnerLimit.applyAsLong(path.segment(1)), INBOX_CAPACITY);
        }
        return endpoint.get().bytes();
    }

    /**
     * The request, with its body held to its endpoint's limit.
     *
     * @throws ApiException 413 when the body declares a length over the limit
     */
    HttpServletRequest bound(HttpServletRequest request, ApiServlet.Path path) {
        long limit = limit(request.getMethod(), path);
        boolean listed = Endpoint.of(request.getMethod(), path).isPresent();
        if (listed && request.getContentLengthLong() > limit) {
            throw ApiException.tooLarge(limit);
        }
        Limited limited = new Limited(request, limit);
        if (listed && limit == 0 && request.getHeader("Transfer-Encoding") != null) {
            // its route reads no body: a chunked one is refused here, at its first byte
            read(limited);
        }
        return limited;
    }

    /** The whole body of a request that {@link #bound} returned: 413 past the limit, 400 when it breaks off. */
    static byte[] read(HttpServletRequest request) {
        try (var in = request.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException brokenOff) {
            throw ApiException.bodyBrokenOff();
        }
    }

    /** A request whose body is counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Counted(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** A body stream that reads at most the limit plus one byte, and refuses that one. */
    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, limit + 1 - count));
            if (read > 0) {
                count += read;
                if (count > limit) {
                    throw ApiException.tooLarge(limit);
                }
            }
            return read;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
