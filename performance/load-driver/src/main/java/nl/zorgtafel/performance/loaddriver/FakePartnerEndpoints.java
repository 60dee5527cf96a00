package nl.zorgtafel.performance.loaddriver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The partners' own systems, faked on loopback: one HTTP server on {@code 127.0.0.1}, on a
 * free port, per partner, that takes every notification POSTed to it (answering 200) and
 * counts them by {@code Idempotency-Key}: how many arrived, how many distinct ones, how many
 * repeats, how many without a key. They live in the driver's process, so they keep counting
 * while the platform crashes and restarts.
 */
final class FakePartnerEndpoints implements AutoCloseable {

    /** What one partner's endpoint received. */
    record Counts(long received, long unique, long duplicates, long withoutKey) {
    }

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Map<String, Map<String, AtomicInteger>> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> withoutKey = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    /** Starts one endpoint per partner. */
    FakePartnerEndpoints(Collection<String> partners) throws IOException {
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-partner-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (String partner : partners) {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
                seen.put(partner, new ConcurrentHashMap<>());
                withoutKey.put(partner, new AtomicLong());
                server.createContext("/" + partner, exchange -> receive(partner, exchange));
                server.setExecutor(executor);
                server.start();
                servers.put(partner, server);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The partner's {@code outboundUrl}: {@code http://127.0.0.1:<port>/<partner>}. */
    URI url(String partner) {
        HttpServer server = servers.get(partner);
        if (server == null) {
            throw new IllegalArgumentException("no endpoint for " + partner);
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + partner);
    }

    Counts counts(String partner) {
        Map<String, AtomicInteger> keys = seen.get(partner);
        if (keys == null) {
            throw new IllegalArgumentException("no endpoint for " + partner);
        }
        long noKey = withoutKey.get(partner).get();
        long received = noKey;
        for (AtomicInteger count : keys.values()) {
            received += count.get();
        }
        long unique = keys.size();
        return new Counts(received, unique, received - unique - noKey, noKey);
    }

    /** Forgets what was received so far (after a warm-up). */
    void reset() {
        seen.values().forEach(Map::clear);
        withoutKey.values().forEach(count -> count.set(0));
    }

    Collection<String> partners() {
        return servers.keySet();
    }

    private void receive(String partner, HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null || key.isBlank()) {
                withoutKey.get(partner).incrementAndGet();
            } else {
                // a notification rendered as several messages (GGZ: Communication and Task) keys each
                // message apart (<id>, <id>-2); the path keeps them apart as well
                String identity = exchange.getRequestURI().getPath() + '\n' + key.strip();
                seen.get(partner).computeIfAbsent(identity, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
