package nl.zorgtafel.core.internal.http;

import java.util.List;
import nl.zorgtafel.api.partner.Fault;

/**
 * A request the API refuses, with what the RFC 9457 problem details will say. The detail
 * and the errors name the fault (a field, an element, a line), never a personal value.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Fault> errors;

    ApiException(int status, String type, String title, String detail, List<Fault> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static ApiException badRequest(String detail, List<Fault> errors) {
        return new ApiException(400, "invalid-request", "The request is not valid", detail, errors);
    }

    static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "Authentication required",
                "Send a partner bearer token or the credentials of a person of the table.", List.of());
    }

    static ApiException forbidden() {
        return new ApiException(403, "forbidden", "Not allowed",
                "These credentials do not allow this request.", List.of());
    }

    static ApiException notFound() {
        return new ApiException(404, "not-found", "Not found", "There is nothing at this address.", List.of());
    }

    static ApiException methodNotAllowed() {
        return new ApiException(405, "method-not-allowed", "Method not allowed",
                "This address does not take this method.", List.of());
    }

    /** A body over its endpoint's limit ({@link BodyLimits}); a limit of 0: the endpoint takes no body. */
    static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload-too-large", "The body is too large", limit == 0
                ? "This endpoint takes no body." : "The body is larger than the limit of " + limit + " bytes.",
                List.of());
    }

    /** A body that ended before its declared length, or in a broken chunk: the client's fault. */
    static ApiException bodyBrokenOff() {
        return badRequest("The body could not be read to its end.", List.of(new Fault("body", "broken off")));
    }

    static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail, List.of());
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    List<Fault> errors() {
        return errors;
    }
}
