package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpCeilingTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4, LoadRun.daemon("health-endpoint"));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    @Test
    void counts_every_answer_after_the_warm_up_and_its_latency() throws Exception {
        PlatformClient platform = platformAnswering(200, "{\"status\":\"UP\"}");

        HttpCeiling.Result result = HttpCeiling.measure(platform, 4, Duration.ofMillis(100), Duration.ofMillis(300));

        assertThat(result.concurrency()).isEqualTo(4);
        assertThat(result.requests()).isPositive();
        assertThat(result.failed()).isZero();
        assertThat(result.latencies().count()).isEqualTo(result.requests());
        assertThat(result.requestsPerSecond()).isPositive();
    }

    @Test
    void a_health_that_is_not_up_counts_as_failed_and_not_in_the_rate() throws Exception {
        PlatformClient platform = platformAnswering(503, "{\"status\":\"DOWN\"}");

        HttpCeiling.Result result = HttpCeiling.measure(platform, 2, Duration.ZERO, Duration.ofMillis(200));

        assertThat(result.requests()).isPositive();
        assertThat(result.failed()).isEqualTo(result.requests());
        assertThat(result.requestsPerSecond()).isZero();
    }

    private PlatformClient platformAnswering(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/v1/health", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
        return new PlatformClient(server.getAddress().getPort(), Map.of(), "nobody", "secret", Duration.ofSeconds(5));
    }
}
