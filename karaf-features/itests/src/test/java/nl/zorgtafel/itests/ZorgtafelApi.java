package nl.zorgtafel.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The Zorgtafel API as a client sees it, over real HTTP on the container's port: partner
 * systems with a bearer token, people with HTTP Basic. Used inside the container (from the
 * test methods); the port comes from {@link ZorgtafelContainer#PORT_PROPERTY}.
 */
final class ZorgtafelApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM_JSON = "application/problem+json";

    /** A person in the realm {@code zorgtafel}. */
    record Person(String name, String password) {
        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Waits (at most 90 s) until {@code GET /api/v1/health} answers 200. */
    void awaitHealth() {
        await("GET /api/v1/health answers 200")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> get("/api/v1/health", null).statusCode() == 200);
    }

    /** A GET; {@code authorization} is the header's value, or null for none. */
    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = request(path).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    HttpResponse<String> post(String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** {@code POST /api/v1/partners/{partnerId}/messages} as that partner's system. */
    HttpResponse<String> postMessage(String partnerId, String token, String mediaType, byte[] body) {
        return post("/api/v1/partners/" + partnerId + "/messages", body, mediaType,
                Map.of("Authorization", bearer(token)));
    }

    /** Where a partner message stands, asked by the partner's own system. */
    String messageStatus(String partnerId, String token, String messageId) {
        HttpResponse<String> response = get("/api/v1/partners/" + partnerId + "/messages/" + messageId, bearer(token));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("status").asText();
    }

    /** The timeline's entries, in the order the API gives them. */
    List<JsonNode> timelineEntries(String caseId, Person reader) {
        HttpResponse<String> response = get("/api/v1/cases/" + caseId + "/timeline", reader.authorization());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).path("entries").spliterator(), false).collect(Collectors.toList());
    }

    /** The case as {@code GET /api/v1/cases/{caseId}} gives it. */
    JsonNode caseFile(String caseId, Person reader) {
        HttpResponse<String> response = get("/api/v1/cases/" + caseId, reader.authorization());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The items of {@code GET /api/v1/cases}. */
    List<JsonNode> cases(Person reader) {
        HttpResponse<String> response = get("/api/v1/cases", reader.authorization());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).path("items").spliterator(), false).collect(Collectors.toList());
    }

    /** The operator's view of one partner, from {@code GET /api/v1/partners}. */
    JsonNode partnerState(String partnerId, Person operator) {
        HttpResponse<String> response = get("/api/v1/partners", operator.authorization());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode partner : json(response)) {
            if (partnerId.equals(partner.path("partnerId").asText())) {
                return partner;
            }
        }
        throw new AssertionError("partner " + partnerId + " not in " + response.body());
    }

    /** A partner message's answer, which must be 200 PROCESSED; its body. */
    static JsonNode processed(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(body.path("status").asText()).as(answer.body()).isEqualTo("PROCESSED");
        return body;
    }

    static String onlyCaseId(JsonNode message) {
        JsonNode caseIds = message.path("caseIds");
        assertThat(caseIds.isArray()).as("caseIds in " + message).isTrue();
        assertThat(caseIds).hasSize(1);
        return caseIds.get(0).asText();
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toList());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** A file of src/test/resources, which the probe carries. */
    static byte[] resource(String name) {
        try (InputStream in = ZorgtafelApi.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Integer.getInteger(ZorgtafelContainer.PORT_PROPERTY)
                + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
