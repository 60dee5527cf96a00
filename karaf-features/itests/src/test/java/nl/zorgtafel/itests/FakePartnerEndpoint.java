package nl.zorgtafel.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A partner system's notification endpoint, faked with the JDK's HTTP server on 127.0.0.1
 * inside the container: it records every request and answers each with the status it is
 * told to give (200 unless told otherwise).
 */
final class FakePartnerEndpoint {

    /** One request as it arrived, and the status it was answered with. */
    record Request(String method, String path, String idempotencyKey, String contentType, byte[] body, int answered) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON; a JSON null node when it is no JSON. */
        JsonNode json() {
            try {
                return ZorgtafelApi.JSON.readTree(body);
            } catch (IOException notJson) {
                return ZorgtafelApi.JSON.nullNode();
            }
        }
    }

    private final HttpServer server;
    private final String path;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    private FakePartnerEndpoint(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /** Starts an endpoint at {@code http://127.0.0.1:<free port><path>}. */
    static FakePartnerEndpoint start(String path) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakePartnerEndpoint endpoint = new FakePartnerEndpoint(server, path);
            server.createContext(path, endpoint::handle);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on every request is answered with this status. */
    void answer(int status) {
        this.status = status;
    }

    /** The requests whose JSON body names this case, oldest first. */
    List<Request> requestsAbout(String caseId) {
        return requests.stream()
                .filter(request -> caseId.equals(request.json().path("caseId").asText()))
                .collect(Collectors.toList());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = status;
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
        }
    }
}
