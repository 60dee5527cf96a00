package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.core.internal.Core;
import nl.zorgtafel.core.internal.access.NeedToKnow;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.cases.Cases;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.inbox.InboxUnavailableException;
import nl.zorgtafel.core.internal.inbox.Receipt;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.store.StoreException;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API, version 1, under {@code /api/v1}: the contract's endpoints, their
 * credentials, and RFC 9457 problem details for everything refused. Work is delegated to
 * the core's plain classes; this class reads requests and writes responses.
 */
@Component(service = Servlet.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/api/v1/*",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=zorgtafel-api-v1"
})
public final class ApiServlet extends HttpServlet {

    static final String API_VERSION = "1.0.0";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** The longest partner message id the inbox keeps. */
    private static final int MAX_IDEMPOTENCY_KEY = 200;
    /** What a partner may send while its adapter is away: the formats partners use. */
    private static final Set<String> MEDIA_TYPES_WITHOUT_ADAPTER = Set.of("application/json",
            "application/fhir+json", "application/xml", "text/xml", "text/csv");

    private final transient Core core;
    private final transient ObjectMapper json = Json.mapper();
    private final transient Problems problems = new Problems(json);
    private final transient TableApi table;
    private final transient SessionEndpoint session;
    private final transient PrivacyApi privacy;
    private final transient RequestGuard guard;
    private final transient BodyLimits limits;

    /**
     * @param peopleRealm the JAAS realm {@code zorgtafel}, not used here but required: the API
     *     (and so health {@code UP}) is offered only once people can log in, so that nobody's
     *     first login after a start is refused, and counted against them, for want of a realm
     */
    @Activate
    public ApiServlet(@Reference Core core,
                      @Reference(target = "(component.name=nl.zorgtafel.core.internal.security.ZorgtafelRealm)")
                      JaasRealm peopleRealm) {
        this(core);
    }

    ApiServlet(Core core) {
        this.core = core;
        this.table = new TableApi(this, core);
        this.session = new SessionEndpoint(core.authenticator(), core.sessions(), json);
        this.privacy = new PrivacyApi(this, core);
        this.guard = new RequestGuard(core.rateLimiter());
        this.limits = new BodyLimits(core::maxMessageBytes);
    }

    /** Serves a request and audits it: the answer leaves only once its audit record is stored. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse original) throws IOException {
        RequestAudit audit = RequestAudit.begin(request, core.audit().clock().instant());
        AuditedResponse response = new AuditedResponse(original);
        serve(request, response);
        Path path = Path.of(request.getPathInfo());
        if (!AuditRoutes.unaudited(request.getMethod(), path)) {
            try {
                core.audit().record(audit.event(AuditRoutes.describe(request.getMethod(), path), response.getStatus(),
                        request.getHeader("Authorization")));
            } catch (RuntimeException auditFailed) {
                LOG.error("Request {} {} answered 503: its audit record could not be stored ({})",
                        request.getMethod(), AuditRoutes.template(path.segments()),
                        auditFailed.getClass().getSimpleName());
                response.discardBody();
                problems.write(response, new ApiException(503, "unavailable", "Temporarily unavailable",
                        "The platform cannot serve this request now; try again.", List.of()),
                        request.getRequestURI());
            }
        }
        response.release();
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("API-Version", API_VERSION);
        response.setHeader("Cache-Control", "no-store");
        RequestGuard.secureHeaders(request, response);
        try {
            RequestGuard.screen(request);
            Path path = Path.of(request.getPathInfo());
            route(limits.bound(request, path), response, path);
        } catch (ApiException refused) {
            if (refused.status() == 429) {
                response.setHeader("Retry-After", Long.toString(guard.retryAfterSeconds()));
            }
            problems.write(response, refused, request.getRequestURI(), SessionEndpoint.challenges(request));
        } catch (InboxUnavailableException e) {
            LOG.warn("Request {} {} could not be stored: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            problems.write(response, new ApiException(503, "unavailable", "Temporarily unavailable",
                    "The platform cannot store this message now; try again.", List.of()), request.getRequestURI());
        } catch (StoreException e) {
            LOG.error("Request {} {} failed in the store (state {})", request.getMethod(), request.getRequestURI(),
                    e.sqlState(), e);
            problems.write(response, new ApiException(503, "unavailable", "Temporarily unavailable",
                    "The platform cannot serve this request now; try again.", List.of()), request.getRequestURI());
        } catch (RuntimeException | IOException e) {
            // an IOException too: out of the servlet, the container would answer with its own error page
            LOG.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            problems.write(response, new ApiException(500, "internal-error", "Internal error",
                    "The platform failed to serve this request.", List.of()), request.getRequestURI());
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, Path path) throws IOException {
        String method = request.getMethod();
        if (path.is("health")) {
            only(method, "GET");
            health(response);
        } else if (path.is("openapi.json")) {
            only(method, "GET");
            openApi(response);
        } else if (path.is("session")) {
            session.serve(request, response);
        } else if (path.is("partners", "*", "messages")) {
            only(method, "POST");
            receiveMessage(request, response, path.segment(1));
        } else if (path.is("partners", "*", "messages", "*")) {
            only(method, "GET");
            messageStatus(request, response, path.segment(1), path.segment(3));
        } else if (path.is("partners")) {
            only(method, "GET");
            operator(request);
            write(response, 200, core.overview().all().stream().map(Representations::partnerState).toList());
        } else if (path.is("partners", "*", "dead-letters")) {
            only(method, "GET");
            operator(request);
            write(response, 200, Map.of("items", core.deadLetters(path.segment(1)).stream()
                    .map(Representations::deadLetter).toList()));
        } else if (path.is("partners", "*", "dead-letters", "replay")) {
            only(method, "POST");
            operator(request);
            write(response, 200, Map.of("partnerId", path.segment(1),
                    "replayed", core.replayDeadLetters(path.segment(1))));
        } else if (path.is("signals")) {
            only(method, "POST");
            registerSignal(request, response);
        } else if (path.is("cases")) {
            only(method, "GET");
            listCases(request, response);
        } else if (path.is("cases", "*")) {
            only(method, "GET");
            write(response, 200, Representations.caseFile(visibleCase(request, path.segment(1)), core.today()));
        } else if (path.is("cases", "*", "timeline")) {
            only(method, "GET");
            write(response, 200, Representations.timeline(visibleCase(request, path.segment(1))));
        } else if (!table.route(request, response, path) && !privacy.route(request, response, path)) {
            throw ApiException.notFound();
        }
    }

    // ---- unauthenticated ----

    private void health(HttpServletResponse response) throws IOException {
        boolean up = core.isUp();
        write(response, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
    }

    private void openApi(HttpServletResponse response) throws IOException {
        try (InputStream document = ApiServlet.class.getResourceAsStream("/openapi/openapi.json")) {
            if (document == null) {
                throw ApiException.notFound();
            }
            response.setStatus(200);
            response.setContentType("application/json");
            document.transferTo(response.getOutputStream());
        }
    }

    // ---- partner messages ----

    private void receiveMessage(HttpServletRequest request, HttpServletResponse response, String partnerId)
            throws IOException {
        Caller caller = caller(request);
        if (caller.kind() != Caller.Kind.PARTNER_SYSTEM || !partnerId.equals(caller.partnerId())) {
            throw ApiException.forbidden();
        }
        ContentType contentType = ContentType.parse(request.getContentType());
        Optional<PartnerAdapter> adapter = core.adapters().adapterFor(partnerId);
        Set<String> accepted = adapter.map(PartnerAdapter::inboundMediaTypes).orElse(MEDIA_TYPES_WITHOUT_ADAPTER);
        if (contentType == null || !accepted.contains(contentType.mediaType())) {
            throw ApiException.unsupportedMediaType("Partner " + partnerId + " sends " + String.join(" or ",
                    accepted.stream().sorted().toList()) + ".");
        }
        Charset charset = contentType.charset().orElse(StandardCharsets.UTF_8);
        byte[] body = BodyLimits.read(request);
        InboundMessage message = new InboundMessage(partnerId, contentType.mediaType(), charset, body);
        String idempotencyKey = request.getHeader("Idempotency-Key");
        if (idempotencyKey != null && idempotencyKey.strip().length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiException.badRequest("The Idempotency-Key is too long.", List.of(
                    new Fault("Idempotency-Key", "longer than " + MAX_IDEMPOTENCY_KEY + " characters")));
        }
        Receipt receipt = core.inbox().receive(message, idempotencyKey);
        receipt.caseIds().forEach(RequestAudit.of(request)::concerns);
        writeReceipt(response, receipt, request.getRequestURI());
    }

    private void messageStatus(HttpServletRequest request, HttpServletResponse response, String partnerId,
                               String messageId) throws IOException {
        Caller caller = caller(request);
        boolean ownSystem = caller.kind() == Caller.Kind.PARTNER_SYSTEM && partnerId.equals(caller.partnerId());
        if (!ownSystem && !caller.hasRole(Caller.OPERATOR)) {
            throw ApiException.forbidden();
        }
        Receipt receipt = core.inbox().status(partnerId, messageId).orElseThrow(ApiException::notFound);
        Map<String, Object> body = receiptBody(receipt);
        if (receipt.status() == nl.zorgtafel.core.internal.store.Store.InboxStatus.REJECTED) {
            body.put("problem", problems.rejection(receipt, request.getRequestURI()));
        }
        write(response, 200, body);
    }

    private void writeReceipt(HttpServletResponse response, Receipt receipt, String instance) throws IOException {
        switch (receipt.status()) {
            case PROCESSED -> write(response, 200, receiptBody(receipt));
            case PENDING -> write(response, 202, receiptBody(receipt));
            case REJECTED -> problems.writeRejection(response, receipt, instance);
            default -> throw new IllegalStateException("unknown status " + receipt.status());
        }
    }

    private Map<String, Object> receiptBody(Receipt receipt) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", receipt.messageId());
        body.put("status", receipt.status().name());
        if (receipt.status() == nl.zorgtafel.core.internal.store.Store.InboxStatus.PROCESSED) {
            body.put("caseIds", receipt.caseIds());
            if (receipt.detailJson() != null) {
                JsonNode detail = json.readTree(receipt.detailJson());
                if (detail.has("ignored")) {
                    body.put("ignored", detail.get("ignored"));
                }
            }
        }
        return body;
    }

    // ---- cases ----

    private void registerSignal(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        if (!caller.worksWithCases() || caller.reportingPartner().isEmpty()) {
            throw ApiException.forbidden();
        }
        requireJson(request);
        SignalRequest signal = SignalRequest.parse(readJson(request));
        Cases.SignalRegistered registered = core.cases().registerSignal(caller.reportingPartner().get(),
                signal.youth(), signal.signal());
        RequestAudit.of(request).concerns(registered.caseId());
        response.setHeader("Location", request.getContextPath() + "/api/v1/cases/" + registered.caseId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", registered.signalId());
        body.put("caseId", registered.caseId());
        body.put("youthId", registered.youthId());
        body.put("matched", registered.matched());
        write(response, 201, body);
    }

    private void listCases(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        if (!caller.worksWithCases()) {
            throw ApiException.forbidden();
        }
        String status = request.getParameter("status");
        if (status != null && !Set.of("open", "closed").contains(status)) {
            throw ApiException.badRequest("Unknown status filter.", List.of(new Fault("status", "not one of open, closed")));
        }
        String involved = caller.isCoordinator() ? null : caller.partnerId();
        List<Map<String, Object>> items = core.cases().list(status, involved).stream()
                .map(Representations::listing)
                .toList();
        RequestAudit.of(request).note("results " + items.size());
        write(response, 200, Map.of("items", items));
    }

    /**
     * The case, if the caller may see it. To a partner an unknown case and another
     * partner's case look the same (403), so a case id reveals nothing.
     */
    CaseFile visibleCase(HttpServletRequest request, String caseId) {
        Caller caller = caller(request);
        if (!caller.worksWithCases()) {
            throw ApiException.forbidden();
        }
        Optional<CaseFile> file = core.cases().read(caseId);
        if (file.isEmpty()) {
            throw caller.isCoordinator() ? ApiException.notFound() : ApiException.forbidden();
        }
        if (!mayRead(caller, file.get())) {
            throw ApiException.forbidden();
        }
        // need-to-know at field level: the one place a case is cut to what this caller may see
        return NeedToKnow.view(file.get(), caller);
    }

    /**
     * Record-level need-to-know: the partners involved in the case, and the crisis team for a
     * case with a crisis — it was told of the crisis (the notification names the case) and
     * must see whom it concerns to act, before acting involves it.
     */
    boolean mayRead(Caller caller, CaseFile file) {
        return caller.maySee(file.partners()) || isCrisisTeam(caller) && core.crises().hasCrisis(file.caseRecord().id());
    }

    static boolean isCrisisTeam(Caller caller) {
        return caller.worksWithCases() && Notifier.CRISIS_TEAM.equals(caller.partnerId());
    }

    // ---- plumbing ----

    Caller caller(HttpServletRequest request) {
        RequestAudit audit = RequestAudit.of(request);
        if (audit.caller() != null) {
            return audit.caller();
        }
        Optional<Caller> direct = core.authenticator().authenticate(request.getHeader("Authorization"),
                (java.security.cert.X509Certificate[]) request.getAttribute("javax.servlet.request.X509Certificate"),
                request.getRemoteAddr());
        Caller caller = direct.or(() -> session.caller(request)).orElseThrow(ApiException::unauthorized);
        audit.identified(caller, direct.isEmpty());
        guard.admit(request, caller);
        return caller;
    }

    private void operator(HttpServletRequest request) {
        if (!caller(request).hasRole(Caller.OPERATOR)) {
            throw ApiException.forbidden();
        }
    }

    private static void only(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw ApiException.methodNotAllowed();
        }
    }

    private static void requireJson(HttpServletRequest request) {
        ContentType type = ContentType.parse(request.getContentType());
        if (type == null || !type.mediaType().equals("application/json")) {
            throw ApiException.unsupportedMediaType("Send application/json.");
        }
    }

    private JsonNode readJson(HttpServletRequest request) throws IOException {
        byte[] body = BodyLimits.read(request);
        try {
            return json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("The JSON exceeds a limit (nesting, length).",
                    List.of(new Fault("$", "exceeds a JSON limit")));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "$" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw ApiException.badRequest("The body is not valid JSON.", List.of(new Fault(where, "not valid JSON")));
        }
    }

    /** The request's JSON body: 415 unless it is JSON, 400 unless it parses. */
    JsonNode readJsonBody(HttpServletRequest request) throws IOException {
        requireJson(request);
        return readJson(request);
    }

    /** Whether the request carries a body at all. */
    boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** The path below {@code /api/v1}, split into segments. */
    record Path(List<String> segments) {

        static Path of(String pathInfo) {
            if (pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/")) {
                return new Path(List.of());
            }
            return new Path(List.of(pathInfo.substring(1).split("/", -1)));
        }

        /** Whether the path has these segments; {@code *} stands for any one non-empty segment. */
        boolean is(String... pattern) {
            if (pattern.length != segments.size()) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                String segment = segments.get(i);
                if (pattern[i].equals("*") ? segment.isEmpty() : !pattern[i].equals(segment)) {
                    return false;
                }
            }
            return true;
        }

        String segment(int index) {
            return segments.get(index);
        }
    }
}
