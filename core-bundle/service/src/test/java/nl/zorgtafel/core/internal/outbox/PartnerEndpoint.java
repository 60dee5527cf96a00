package nl.zorgtafel.core.internal.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner system's HTTP endpoint for notifications, on 127.0.0.1 and a free port, under
 * the base path {@code /partner}. It records every request it receives, then answers 200;
 * a test can make it answer 503 for a number of requests, once to a path, or until it heals, or hang: hold
 * every request unanswered until it is closed.
 */
final class PartnerEndpoint implements AutoCloseable {

    /** One request as the endpoint saw it, and the status it answered. */
    record Received(String method, String path, String idempotencyKey, String contentType, String body,
                    int answer) {

        boolean accepted() {
            return answer / 100 == 2;
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableFor = new AtomicInteger();
    private final Set<String> refuseOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean down;
    private volatile boolean hanging;

    private PartnerEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // a hanging request must not hold up the others: each request gets a thread of its own
        server.setExecutor(handlers);
        server.start();
    }

    static PartnerEndpoint start() throws IOException {
        return new PartnerEndpoint();
    }

    /** The {@code outboundUrl} to configure for the partner. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/partner";
    }

    /** The next {@code times} requests are answered 503. */
    void answer503Times(int times) {
        unavailableFor.set(times);
    }

    /** The next request to this path (under the base path, e.g. {@code /Task}) is answered 503. */
    void answer503OnceTo(String path) {
        refuseOnce.add("/partner" + path);
    }

    /** Every request is answered 503 until {@link #heal()}. */
    void goDown() {
        down = true;
    }

    void heal() {
        down = false;
    }

    /** Every request from now on is held unanswered until the endpoint is closed. */
    void hang() {
        hanging = true;
    }

    /** The requests held unanswered right now. */
    int held() {
        return held.get();
    }

    /** Every request received, in order of arrival. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered with 2xx, in order of arrival. */
    List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hanging) {
                holdUntilClosed();
                return;
            }
            boolean refused = refuseOnce.remove(exchange.getRequestURI().getPath());
            int answer = refused || down || unavailableFor.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 503 : 200;
            // recorded before answering: whoever saw the answer finds the request here
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    private void holdUntilClosed() {
        held.incrementAndGet();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
