package nl.zorgtafel.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.core.internal.Core;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.matching.MatchCandidates;
import nl.zorgtafel.core.internal.matching.YouthMerger;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.store.CrisisStore.MeasureRequest;
import nl.zorgtafel.core.internal.store.MatchStore;
import nl.zorgtafel.core.internal.store.TableStore.AgreementRecord;
import nl.zorgtafel.core.internal.table.Agreements;
import nl.zorgtafel.core.internal.table.Meetings;

/**
 * The table's endpoints (contract: "Cases" and "The table"): closing and reopening cases,
 * missed signals, match candidates, meetings with their agenda and minutes, agreements, the
 * recurrence report, and the crisis path's steps (acknowledgement, measure requests,
 * alerts). The coordinator does the table's work; partners read what concerns them: the
 * cases they are involved in, the agreements they own, and of a meeting only the items
 * about their cases. Privacy officers and operators get 403 on all of it.
 */
final class TableApi {

    private final ApiServlet api;
    private final Core core;

    TableApi(ApiServlet api, Core core) {
        this.api = api;
        this.core = core;
    }

    /** Serves the request when its path is one of the table's; false when it is not. */
    boolean route(HttpServletRequest request, HttpServletResponse response, ApiServlet.Path path)
            throws IOException {
        String method = request.getMethod();
        if (path.is("cases", "*", "missed-signals")) {
            allow(method, "GET");
            CaseFile file = api.visibleCase(request, path.segment(1));
            api.write(response, 200, TableRepresentations.missedSignals(file.caseRecord().id(),
                    core.missedSignals().of(file)));
        } else if (path.is("cases", "*", "close")) {
            allow(method, "POST");
            closeOrReopen(request, response, path.segment(1), true);
        } else if (path.is("cases", "*", "reopen")) {
            allow(method, "POST");
            closeOrReopen(request, response, path.segment(1), false);
        } else if (path.is("cases", "*", "agreements")) {
            allow(method, "POST");
            makeAgreement(request, response, path.segment(1));
        } else if (path.is("cases", "*", "crisis-acknowledgement")) {
            allow(method, "POST");
            acknowledgeCrisis(request, response, path.segment(1));
        } else if (path.is("cases", "*", "measure-requests")) {
            allow(method, "POST");
            requestMeasure(request, response, path.segment(1));
        } else if (path.is("match-candidates")) {
            allow(method, "GET");
            coordinator(request);
            MatchStore.Status status = candidateStatus(request.getParameter("status"));
            api.write(response, 200, Map.of("items", core.matchCandidates().list(status).stream()
                    .map(TableRepresentations::candidate).toList()));
        } else if (path.is("match-candidates", "*")) {
            allow(method, "GET");
            coordinator(request);
            api.write(response, 200, TableRepresentations.candidate(core.matchCandidates().read(path.segment(1))
                    .orElseThrow(ApiException::notFound)));
        } else if (path.is("match-candidates", "*", "confirm")) {
            allow(method, "POST");
            confirmCandidate(request, response, path.segment(1));
        } else if (path.is("match-candidates", "*", "reject")) {
            allow(method, "POST");
            String by = coordinator(request).name();
            api.write(response, 200, TableRepresentations.candidate(conflicting(() ->
                    core.matchCandidates().reject(path.segment(1), by)).orElseThrow(ApiException::notFound)));
        } else if (path.is("meetings")) {
            allow(method, "GET", "POST");
            if (method.equals("POST")) {
                createMeeting(request, response);
            } else {
                listMeetings(request, response);
            }
        } else if (path.is("meetings", "*")) {
            allow(method, "GET");
            api.write(response, 200, TableRepresentations.meeting(visibleMeeting(request, path.segment(1))));
        } else if (path.is("meetings", "*", "agenda-items")) {
            allow(method, "POST");
            addAgendaItem(request, response, path.segment(1));
        } else if (path.is("meetings", "*", "agenda-items", "*")) {
            allow(method, "DELETE");
            String by = coordinator(request).name();
            if (!conflicting(() -> core.meetings().remove(path.segment(1), path.segment(3), by))) {
                throw ApiException.notFound();
            }
            response.setStatus(204);
        } else if (path.is("meetings", "*", "agenda-items", "*", "minutes")) {
            allow(method, "PUT");
            String by = coordinator(request).name();
            MinutesRequest minutes = MinutesRequest.parse(api.readJsonBody(request));
            api.write(response, 200, TableRepresentations.agendaItem(core.meetings()
                    .recordMinutes(path.segment(1), path.segment(3), minutes.text(), by)
                    .orElseThrow(ApiException::notFound)));
        } else if (path.is("agreements")) {
            allow(method, "GET");
            listAgreements(request, response);
        } else if (path.is("agreements", "*")) {
            allow(method, "GET", "PATCH");
            agreement(request, response, path.segment(1));
        } else if (path.is("reports", "recurrence")) {
            allow(method, "GET");
            recurrence(request, response);
        } else if (path.is("alerts")) {
            allow(method, "GET");
            coordinator(request);
            Boolean open = alertStatus(request.getParameter("status"));
            api.write(response, 200, Map.of("items", core.crises().alerts(open).stream()
                    .map(TableRepresentations::alert).toList()));
        } else {
            return false;
        }
        return true;
    }

    // ---- cases ----

    private void closeOrReopen(HttpServletRequest request, HttpServletResponse response, String caseId, boolean close)
            throws IOException {
        String by = coordinator(request).name();
        JsonNode body = api.hasBody(request) ? api.readJsonBody(request) : null;
        ReasonRequest reason = ReasonRequest.parse(body, close);
        conflicting(() -> close ? core.lifecycle().close(caseId, reason.reason(), by)
                : core.lifecycle().reopen(caseId, reason.reason(), by)).orElseThrow(ApiException::notFound);
        CaseFile file = core.cases().read(caseId).orElseThrow(ApiException::notFound);
        api.write(response, 200, Representations.caseFile(file, core.today()));
    }

    private void acknowledgeCrisis(HttpServletRequest request, HttpServletResponse response, String caseId)
            throws IOException {
        Caller caller = api.caller(request);
        if (!caller.isCoordinator() && !ApiServlet.isCrisisTeam(caller)) {
            throw ApiException.forbidden();
        }
        if (!caller.isCoordinator()) {
            // the crisis team may act on any crisis case, involved or not yet; other cases look unknown
            Optional<CaseFile> file = core.cases().read(caseId);
            if (file.isEmpty() || !api.mayRead(caller, file.get())) {
                throw ApiException.forbidden();
            }
        }
        int acknowledged = conflicting(() -> core.crises().acknowledge(caseId, caller.name()))
                .orElseThrow(ApiException::notFound);
        CaseFile file = core.cases().read(caseId).orElseThrow(ApiException::notFound);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("acknowledged", acknowledged);
        body.put("crisisPath", Representations.caseFile(file, core.today()).get("crisisPath"));
        api.write(response, 200, body);
    }

    private void requestMeasure(HttpServletRequest request, HttpServletResponse response, String caseId)
            throws IOException {
        Caller caller = api.caller(request);
        api.visibleCase(request, caseId);
        MeasureRequestBody body = MeasureRequestBody.parse(api.readJsonBody(request));
        MeasureRequest recorded = core.crises().requestMeasure(caseId, caller.partnerId(), body.kind().code(),
                body.requestedOn(), body.note(), caller.name()).orElseThrow(ApiException::notFound);
        api.write(response, 201, TableRepresentations.measureRequest(recorded));
    }

    // ---- match candidates ----

    private void confirmCandidate(HttpServletRequest request, HttpServletResponse response, String candidateId)
            throws IOException {
        String by = coordinator(request).name();
        YouthMerger.Outcome outcome = conflicting(() -> core.matchCandidates().confirm(candidateId, by))
                .orElseThrow(ApiException::notFound);
        MatchCandidates.View view = core.matchCandidates().read(candidateId).orElseThrow();
        Map<String, Object> body = TableRepresentations.candidate(view);
        body.put("merge", TableRepresentations.merge(outcome));
        api.write(response, 200, body);
    }

    private static MatchStore.Status candidateStatus(String status) {
        if (status == null || status.isBlank()) {
            return MatchStore.Status.OPEN;
        }
        if (status.equals("all")) {
            return null;
        }
        return MatchStore.Status.fromCode(status).orElseThrow(() -> ApiException.badRequest("Unknown status filter.",
                List.of(new Fault("status", "not one of open, confirmed, rejected, superseded, all"))));
    }

    // ---- meetings ----

    private void createMeeting(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String by = coordinator(request).name();
        MeetingRequest meeting = MeetingRequest.parse(api.readJsonBody(request));
        Meetings.MeetingView created = core.meetings().create(meeting.date(), by);
        response.setHeader("Location", request.getContextPath() + "/api/v1/meetings/" + created.meeting().id());
        api.write(response, 201, TableRepresentations.meeting(created));
    }

    private void listMeetings(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caseWorker(request);
        List<Meetings.MeetingView> meetings = core.meetings().list();
        if (!caller.isCoordinator()) {
            Set<String> own = casesOf(caller);
            meetings = meetings.stream().map(m -> m.only(own)).filter(m -> !m.items().isEmpty()).toList();
        }
        api.write(response, 200, Map.of("items", meetings.stream().map(TableRepresentations::meeting).toList()));
    }

    /** A meeting as the caller may see it: whole for the coordinator, else only the items of its cases. */
    private Meetings.MeetingView visibleMeeting(HttpServletRequest request, String meetingId) {
        Caller caller = caseWorker(request);
        Optional<Meetings.MeetingView> meeting = core.meetings().read(meetingId);
        if (caller.isCoordinator()) {
            return meeting.orElseThrow(ApiException::notFound);
        }
        Meetings.MeetingView own = meeting.map(m -> m.only(casesOf(caller))).orElseThrow(ApiException::forbidden);
        if (own.items().isEmpty()) {
            throw ApiException.forbidden();
        }
        return own;
    }

    private void addAgendaItem(HttpServletRequest request, HttpServletResponse response, String meetingId)
            throws IOException {
        String by = coordinator(request).name();
        AgendaItemRequest item = AgendaItemRequest.parse(api.readJsonBody(request));
        RequestAudit.of(request).concerns(item.caseId());
        if (core.meetings().read(meetingId).isEmpty()) {
            throw ApiException.notFound();
        }
        Meetings.Added added = core.meetings().add(meetingId, item.caseId(), by).orElseThrow(() ->
                ApiException.badRequest("There is no case with this id.", List.of(new Fault("caseId", "no such case"))));
        api.write(response, added.wasThere() ? 200 : 201, TableRepresentations.agendaItem(added.item()));
    }

    // ---- agreements ----

    private void makeAgreement(HttpServletRequest request, HttpServletResponse response, String caseId)
            throws IOException {
        String by = coordinator(request).name();
        AgreementRequest agreement = AgreementRequest.parse(api.readJsonBody(request));
        if (agreement.meetingId() != null && core.meetings().read(agreement.meetingId()).isEmpty()) {
            throw ApiException.badRequest("There is no meeting with this id.",
                    List.of(new Fault("meetingId", "no such meeting")));
        }
        AgreementRecord made = core.agreements().make(caseId, agreement.description(), agreement.ownerPartner(),
                agreement.dueDate(), agreement.meetingId(), by).orElseThrow(ApiException::notFound);
        response.setHeader("Location", request.getContextPath() + "/api/v1/agreements/" + made.agreement().id());
        api.write(response, 201, TableRepresentations.agreement(made, core.today()));
    }

    private void listAgreements(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caseWorker(request);
        String status = request.getParameter("status");
        Agreements.Filter filter = null;
        if (status != null && !status.isBlank()) {
            filter = switch (status) {
                case "open" -> Agreements.Filter.OPEN;
                case "done" -> Agreements.Filter.DONE;
                case "overdue" -> Agreements.Filter.OVERDUE;
                default -> throw ApiException.badRequest("Unknown status filter.",
                        List.of(new Fault("status", "not one of open, done, overdue")));
            };
        }
        String owner = caller.isCoordinator() ? null : caller.partnerId();
        LocalDate today = core.today();
        api.write(response, 200, Map.of("items", core.agreements().list(filter, owner).stream()
                .map(a -> TableRepresentations.agreement(a, today)).toList()));
    }

    /** Read or change an agreement: the coordinator any, a partner those it owns (and reads those of its cases). */
    private void agreement(HttpServletRequest request, HttpServletResponse response, String agreementId)
            throws IOException {
        Caller caller = caseWorker(request);
        Optional<AgreementRecord> found = core.agreements().read(agreementId);
        found.ifPresent(agreement -> RequestAudit.of(request).concerns(agreement.agreement().caseId()));
        boolean owner = found.isPresent() && !caller.isCoordinator()
                && found.get().agreement().ownerPartner().equals(caller.partnerId());
        if (!caller.isCoordinator()) {
            boolean involved = found.isPresent() && casesOf(caller).contains(found.get().agreement().caseId());
            if (!owner && !(involved && request.getMethod().equals("GET"))) {
                throw ApiException.forbidden();
            }
        }
        AgreementRecord record = found.orElseThrow(ApiException::notFound);
        if (request.getMethod().equals("PATCH")) {
            AgreementPatch patch = AgreementPatch.parse(api.readJsonBody(request));
            if (patch.dueDate() != null && !caller.isCoordinator()) {
                throw ApiException.forbidden();
            }
            record = core.agreements().change(agreementId, patch.change(), caller.name()).orElseThrow();
        }
        api.write(response, 200, TableRepresentations.agreement(record, core.today()));
    }

    // ---- reports ----

    private void recurrence(HttpServletRequest request, HttpServletResponse response) throws IOException {
        coordinator(request);
        LocalDate to = Optional.ofNullable(JsonFields.queryDate(request.getParameter("to"), "to"))
                .orElse(core.today());
        LocalDate from = Optional.ofNullable(JsonFields.queryDate(request.getParameter("from"), "from"))
                .orElse(to.minusMonths(12));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("The period ends before it starts.",
                    List.of(new Fault("from", "after to")));
        }
        api.write(response, 200, TableRepresentations.recurrence(core.recurrence().report(from, to)));
    }

    private static Boolean alertStatus(String status) {
        if (status == null || status.isBlank() || status.equals("open")) {
            return Boolean.TRUE;
        }
        if (status.equals("resolved")) {
            return Boolean.FALSE;
        }
        if (status.equals("all")) {
            return null;
        }
        throw ApiException.badRequest("Unknown status filter.",
                List.of(new Fault("status", "not one of open, resolved, all")));
    }

    // ---- who may ----

    private Caller coordinator(HttpServletRequest request) {
        Caller caller = api.caller(request);
        if (!caller.isCoordinator()) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    /** The coordinator or a partner (system or professional): people of the table, not privacy officers or operators. */
    private Caller caseWorker(HttpServletRequest request) {
        Caller caller = api.caller(request);
        if (!caller.worksWithCases()) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    private Set<String> casesOf(Caller caller) {
        return core.cases().list(null, caller.partnerId()).stream().map(listing -> listing.caseRecord().id())
                .collect(Collectors.toSet());
    }

    private static void allow(String method, String... allowed) {
        if (!List.of(allowed).contains(method)) {
            throw ApiException.methodNotAllowed();
        }
    }

    /** Runs work whose refusal for the state of the data (a {@link Conflict}) is a 409. */
    private static <T> T conflicting(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (Conflict conflict) {
            throw new ApiException(409, "conflict", "Conflict with the current state", conflict.getMessage(),
                    List.of());
        }
    }
}
