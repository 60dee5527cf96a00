package nl.zorgtafel.performance.loaddriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's HTTP API as the driver uses it: partner messages in (bearer token),
 * message status, health, and, as the driver's own person (coordinator and operator), the
 * partner overview and the cases.
 */
final class PlatformClient {

    /** An answer: status code and, if it was JSON, its body; {@code body} is null otherwise. */
    record Answer(int status, JsonNode body) {
        String text(String field) {
            return body == null || !body.hasNonNull(field) ? null : body.get(field).asText();
        }

        /** A health answer that says the platform is up: 200 {@code {"status":"UP"}}. */
        boolean up() {
            return status == 200 && "UP".equals(text("status"));
        }
    }

    /** One partner's line of {@code GET /api/v1/partners}. */
    record PartnerState(String partnerId, String adapter, String adapterVersion, long inboxPending,
                        long outboxPending, long deadLetters, String lastError) {
    }

    private final HttpClient client;
    private final URI base;
    private final Map<String, String> tokens;
    private final String basic;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    PlatformClient(int httpPort, Map<String, String> tokens, String user, String password, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/");
        this.tokens = Map.copyOf(tokens);
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    /** {@code POST /api/v1/partners/{id}/messages}, as the partner's system. */
    Answer post(PartnerMessage message) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("partners/" + message.partnerId()
                        + "/messages"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token(message.partnerId()))
                .header("Content-Type", message.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        if (message.idempotencyKey() != null) {
            request.header("Idempotency-Key", message.idempotencyKey());
        }
        return send(request.build());
    }

    /** {@code GET /api/v1/partners/{id}/messages/{messageId}}, as the partner's system. */
    Answer status(String partnerId, String messageId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("partners/" + partnerId + "/messages/"
                        + URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token(partnerId))
                .GET().build());
    }

    /** Whether {@code GET /api/v1/health} answers 200 UP. */
    boolean healthUp() {
        try {
            return health(Duration.ofSeconds(2)).up();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code GET /api/v1/health}, unauthenticated, with the timeout the partner messages have. */
    Answer health() throws IOException, InterruptedException {
        return health(timeout);
    }

    private Answer health(Duration patience) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("health")).timeout(patience).GET().build());
    }

    /** {@code GET /api/v1/partners} as operator; empty if it did not answer 200. */
    Optional<List<PartnerState>> partners() throws IOException, InterruptedException {
        Answer answer = personal("partners");
        if (answer.status() != 200 || answer.body() == null || !answer.body().isArray()) {
            return Optional.empty();
        }
        List<PartnerState> states = new ArrayList<>();
        for (JsonNode partner : answer.body()) {
            states.add(new PartnerState(partner.path("partnerId").asText(), partner.path("adapter").asText(),
                    partner.path("adapterVersion").asText(null), partner.path("inboxPending").asLong(), partner.path("outboxPending").asLong(),
                    partner.path("deadLetters").asLong(),
                    partner.hasNonNull("lastError") ? partner.get("lastError").asText() : null));
        }
        return Optional.of(states);
    }

    /** {@code GET /api/v1/...} as the driver's person (coordinator, operator). */
    Answer personal(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", basic).GET().build());
    }

    private String token(String partnerId) {
        String token = tokens.get(partnerId);
        if (token == null) {
            throw new IllegalArgumentException("no token for partner " + partnerId);
        }
        return token;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = null;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && response.body().length > 0) {
            try {
                body = json.readTree(response.body());
            } catch (IOException notJson) {
                body = null;
            }
        }
        return new Answer(response.statusCode(), body);
    }
}
