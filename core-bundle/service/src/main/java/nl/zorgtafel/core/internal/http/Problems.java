package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.core.internal.inbox.Receipt;

/**
 * RFC 9457 problem details: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, and {@code errors} naming each fault by where it is. Never a stack
 * trace, never a personal value.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://zorgtafel.nl/problems/";

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, ApiException problem, String instance) throws IOException {
        write(response, problem, instance, true);
    }

    /** As {@link #write(HttpServletResponse, ApiException, String)}; a 401 names the schemes only if {@code challenge}. */
    void write(HttpServletResponse response, ApiException problem, String instance, boolean challenge)
            throws IOException {
        Map<String, Object> body = body(problem.status(), problem.type(), problem.title(), problem.getMessage(),
                instance, problem.errors());
        if (problem.status() == 401 && challenge) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"zorgtafel\", Basic realm=\"zorgtafel\"");
        }
        send(response, problem.status(), body);
    }

    /** A partner message its adapter refused: 400, every fault listed, and the message id. */
    void writeRejection(HttpServletResponse response, Receipt receipt, String instance) throws IOException {
        send(response, 400, rejection(receipt, instance));
    }

    Map<String, Object> rejection(Receipt receipt, String instance) throws IOException {
        List<Fault> faults = new ArrayList<>();
        JsonNode detail = receipt.detailJson() == null ? null : json.readTree(receipt.detailJson());
        if (detail != null) {
            for (JsonNode fault : detail.path("faults")) {
                faults.add(new Fault(fault.path("location").asText(), fault.path("problem").asText()));
            }
        }
        Map<String, Object> body = body(400, "invalid-message", "The message cannot be translated",
                "The message has " + faults.size() + " fault(s); nothing of it was applied.", instance, faults);
        body.put("messageId", receipt.messageId());
        return body;
    }

    private static Map<String, Object> body(int status, String type, String title, String detail, String instance,
                                            List<Fault> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream()
                    .map(fault -> Map.of("location", fault.location(), "problem", fault.problem()))
                    .toList());
        }
        return body;
    }

    private void send(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
