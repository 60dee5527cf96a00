package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.core.internal.Core;
import nl.zorgtafel.core.internal.audit.AuditTrail;
import nl.zorgtafel.core.internal.privacy.PrivacyOffice;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.store.AuditStore;

/**
 * The privacy officer's endpoints: the audit trail ({@code GET /audit}, newest first, and
 * {@code GET /audit/verify}), a youth's subject access export, erasure on a legal order, and
 * a retention pass on demand. Everyone else gets 403, whatever the path names.
 */
final class PrivacyApi {

    /** The longest legal basis of an erasure, as the erasure record keeps it. */
    static final int MAX_LEGAL_BASIS = 500;
    /** The longest reference of the order behind an erasure, as the erasure record keeps it. */
    static final int MAX_REFERENCE = 200;

    private final ApiServlet api;
    private final Core core;

    PrivacyApi(ApiServlet api, Core core) {
        this.api = api;
        this.core = core;
    }

    boolean route(HttpServletRequest request, HttpServletResponse response, ApiServlet.Path path) throws IOException {
        String method = request.getMethod();
        if (path.is("audit")) {
            only(method, "GET");
            privacyOfficer(request);
            readAudit(request, response);
        } else if (path.is("audit", "verify")) {
            only(method, "GET");
            privacyOfficer(request);
            api.write(response, 200, verification(core.audit().verify()));
        } else if (path.is("privacy", "youths", "*", "export")) {
            only(method, "GET");
            privacyOfficer(request);
            PrivacyOffice.SubjectExport export = core.privacy().export(path.segment(2))
                    .orElseThrow(ApiException::notFound);
            RequestAudit.of(request).note("cases " + export.cases().size());
            api.write(response, 200, export(export));
        } else if (path.is("privacy", "youths", "*", "erase")) {
            only(method, "POST");
            Caller officer = privacyOfficer(request);
            erase(request, response, path.segment(2), officer);
        } else if (path.is("privacy", "retention", "run")) {
            only(method, "POST");
            Caller officer = privacyOfficer(request);
            PrivacyOffice.RetentionRun run = core.privacy().runRetention(officer.name(), "api");
            api.write(response, 200, Map.of("casesErased", run.casesErased(), "youthsErased", run.youthsErased(),
                    "auditRecordsRemoved", run.auditRecordsRemoved()));
        } else {
            return false;
        }
        return true;
    }

    private void readAudit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String caseId = request.getParameter("caseId");
        String youthId = request.getParameter("youthId");
        String user = request.getParameter("user");
        Instant from = instant(request.getParameter("from"), "from");
        Instant to = instant(request.getParameter("to"), "to");
        int limit = limit(request.getParameter("limit"));
        List<AuditStore.Row> rows = core.audit().search(new AuditTrail.Query(blankToNull(caseId),
                blankToNull(youthId), blankToNull(user), from, to, limit));
        RequestAudit.of(request).note("records " + rows.size());
        if (caseId != null && !caseId.isBlank()) {
            RequestAudit.of(request).concerns(caseId);
        }
        api.write(response, 200, Map.of("items", rows.stream().map(PrivacyApi::auditRecord).toList()));
    }

    private void erase(HttpServletRequest request, HttpServletResponse response, String youthId, Caller officer)
            throws IOException {
        JsonNode body = api.readJsonBody(request);
        List<Fault> faults = new ArrayList<>();
        String legalBasis = text(body, "legalBasis", MAX_LEGAL_BASIS, faults);
        String reference = text(body, "reference", MAX_REFERENCE, faults);
        if (!faults.isEmpty()) {
            throw ApiException.badRequest("An erasure needs its legal basis and the order's reference.", faults);
        }
        PrivacyOffice.Erasure erasure = core.privacy().erase(youthId, legalBasis, reference, officer.name())
                .orElseThrow(ApiException::notFound);
        RequestAudit.of(request).note("cases " + erasure.cases() + ", entries " + erasure.entries() + ", messages "
                + erasure.messages());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("youthId", erasure.youthId());
        json.put("casesErased", erasure.cases());
        json.put("entriesErased", erasure.entries());
        json.put("messagesErased", erasure.messages());
        api.write(response, 200, json);
    }

    private Caller privacyOfficer(HttpServletRequest request) {
        Caller caller = api.caller(request);
        if (!caller.hasRole(Caller.PRIVACY_OFFICER) || caller.kind() != Caller.Kind.PERSON) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    static Map<String, Object> auditRecord(AuditStore.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", row.seq());
        json.put("eventId", row.eventId());
        json.put("occurredAt", row.occurredAt());
        json.put("action", row.action());
        json.put("resource", row.resource());
        json.put("outcome", row.outcome());
        json.put("httpStatus", row.httpStatus());
        json.put("user", row.userName());
        json.put("partnerId", row.partnerId());
        json.put("roles", row.roles().isEmpty() ? List.of() : List.of(row.roles().split(",")));
        json.put("purpose", row.purpose());
        json.put("legalBasis", row.legalBasis());
        json.put("caseId", row.caseId());
        json.put("youthId", row.youthId());
        json.put("youthPseudonym", row.youthPseudonym());
        json.put("objectId", row.objectId());
        json.put("channel", row.channel());
        json.put("source", row.sourceAddress());
        json.put("detail", row.detail());
        json.put("hash", row.hash());
        return json;
    }

    private static Map<String, Object> verification(AuditTrail.Verification verification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", verification.valid());
        json.put("checkedRecords", verification.checkedRows());
        json.put("anchorSeq", verification.anchorSeq());
        json.put("lastSeq", verification.lastSeq());
        json.put("lastHash", verification.lastHash());
        if (!verification.valid()) {
            json.put("brokenAtSeq", verification.brokenAtSeq());
            json.put("problem", verification.problem());
        }
        return json;
    }

    private Map<String, Object> export(PrivacyOffice.SubjectExport export) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> youth = new LinkedHashMap<>();
        youth.put("id", export.youth().id());
        youth.put("givenName", export.youth().givenName());
        youth.put("familyName", export.youth().familyName());
        youth.put("birthDate", export.youth().birthDate());
        // the BSN itself never leaves the platform; the subject knows it
        youth.put("bsnRecorded", export.bsnRecorded());
        json.put("youth", youth);
        json.put("cases", export.cases().stream().map(file -> Representations.caseFile(file, core.today())).toList());
        json.put("messages", export.messages().stream().map(message -> {
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("partnerId", message.partnerId());
            trace.put("messageId", message.messageKey());
            trace.put("receivedAt", message.receivedAt());
            trace.put("status", message.status());
            return trace;
        }).toList());
        json.put("erasures", export.erasures().stream().map(erasure -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("caseId", erasure.caseId());
            record.put("reason", erasure.reason());
            record.put("legalBasis", erasure.legalBasis());
            record.put("reference", erasure.reference());
            record.put("erasedAt", erasure.erasedAt());
            record.put("erasedBy", erasure.erasedBy());
            return record;
        }).toList());
        json.put("accesses", export.accesses().stream().map(PrivacyApi::auditRecord).toList());
        return json;
    }

    private static String text(JsonNode body, String field, int maxLength, List<Fault> faults) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            faults.add(new Fault(field, "missing or not a non-empty string"));
            return null;
        }
        if (value.asText().length() > maxLength) {
            faults.add(new Fault(field, "longer than " + maxLength + " characters"));
            return null;
        }
        return value.asText().strip();
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("A time is not an ISO-8601 instant.",
                    List.of(new Fault(field, "not an ISO-8601 UTC time such as 2026-05-11T08:00:00Z")));
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 500;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= 10_000) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("The limit is not a number from 1 to 10000.",
                List.of(new Fault("limit", "not a number from 1 to 10000")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void only(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw ApiException.methodNotAllowed();
        }
    }
}
