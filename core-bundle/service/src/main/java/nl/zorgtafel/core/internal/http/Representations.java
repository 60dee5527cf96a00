package nl.zorgtafel.core.internal.http;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.cases.Cases.CaseListing;
import nl.zorgtafel.core.internal.operations.PartnerOverview;
import nl.zorgtafel.core.internal.store.OutboxStore;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;

/**
 * The JSON shapes of the API's case resources, as the contract names their fields. Never a
 * BSN: the API has no field for one on the way out.
 */
final class Representations {

    private Representations() {
    }

    static Map<String, Object> listing(CaseListing listing) {
        return caseHead(listing.caseRecord(), listing.youth(), listing.partners());
    }

    static Map<String, Object> caseFile(CaseFile file) {
        return caseFile(file, LocalDate.now(ZoneId.of("Europe/Amsterdam")));
    }

    /** The case with everything the table knows; {@code today} decides which agreements are overdue. */
    static Map<String, Object> caseFile(CaseFile file, LocalDate today) {
        Map<String, Object> json = caseHead(file.caseRecord(), file.youth(), file.partners());
        json.put("signals", file.signals().stream().map(Representations::signal).toList());
        json.put("trajectories", file.trajectories().stream().map(Representations::trajectory).toList());
        json.put("measures", file.measures().stream().map(Representations::measure).toList());
        json.put("investigations", file.investigations().stream().map(Representations::investigation).toList());
        json.put("advice", file.advice().stream().map(Representations::advice).toList());
        TableRepresentations.caseWork(json, file, today);
        return json;
    }

    static Map<String, Object> timeline(CaseFile file) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (TimelineEntry entry : file.timeline()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", entry.date());
            json.put("kind", entry.kind().code());
            json.put("partner", entry.partner());
            json.put("summary", entry.summary());
            putIfPresent(json, "outcome", entry.outcome());
            entries.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caseId", file.caseRecord().id());
        json.put("entries", entries);
        return json;
    }

    static Map<String, Object> partnerState(PartnerOverview.PartnerState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnerId", state.partnerId());
        json.put("adapter", state.adapterActive() ? "ACTIVE" : "ABSENT");
        json.put("adapterVersion", state.adapterVersion());
        json.put("inboxPending", state.inboxPending());
        json.put("outboxPending", state.outboxPending());
        json.put("deadLetters", state.deadLetters());
        json.put("outboxDelivered", state.outboxDelivered());
        json.put("lastError", state.lastError());
        json.put("configured", state.configured());
        return json;
    }

    /** A dead letter as an operator sees it: what, for which case, why it failed; never the youth's name. */
    static Map<String, Object> deadLetter(OutboxStore.OutboxEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("notificationId", entry.notificationId());
        json.put("kind", entry.kind().code());
        json.put("caseId", entry.caseId());
        json.put("createdAt", entry.createdAt());
        json.put("attempts", entry.attempts());
        json.put("lastError", entry.lastError());
        return json;
    }

    private static Map<String, Object> caseHead(CaseRecord record, Youth youth, java.util.Set<String> partners) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id());
        json.put("status", record.status());
        json.put("youth", TableRepresentations.youth(youth));
        json.put("partners", List.copyOf(partners));
        json.put("openedOn", record.openedOn());
        json.put("crisis", record.crisis());
        json.put("repeat", record.repeatOf() != null);
        putIfPresent(json, "repeatOf", record.repeatOf());
        putIfPresent(json, "closedOn", record.closedOn());
        putIfPresent(json, "closeReason", record.closeReason());
        return json;
    }

    private static Map<String, Object> signal(Recorded<Signal> recorded) {
        Signal signal = recorded.value();
        Map<String, Object> json = entry(recorded, signal.reference());
        json.put("category", signal.category().code());
        json.put("urgency", signal.urgency().code());
        json.put("summary", signal.summary());
        json.put("observedOn", signal.observedOn());
        return json;
    }

    static Map<String, Object> trajectory(Recorded<CareTrajectory> recorded) {
        CareTrajectory trajectory = recorded.value();
        Map<String, Object> json = entry(recorded, trajectory.reference());
        json.put("kind", trajectory.kind());
        json.put("startedOn", trajectory.startedOn());
        trajectory.knownEnding().ifPresent(ending -> {
            json.put("endedOn", ending.endedOn());
            json.put("ending", ending.kind().code());
            json.put("endedEarly", ending.endedEarly());
            json.put("endingReason", ending.reason());
        });
        return json;
    }

    private static Map<String, Object> measure(Recorded<Measure> recorded) {
        Measure measure = recorded.value();
        Map<String, Object> json = entry(recorded, measure.reference());
        json.put("kind", measure.kind().code());
        json.put("startsOn", measure.startsOn());
        putIfPresent(json, "endsOn", measure.endsOn());
        return json;
    }

    private static Map<String, Object> investigation(Recorded<Investigation> recorded) {
        Investigation investigation = recorded.value();
        Map<String, Object> json = entry(recorded, investigation.reference());
        json.put("startedOn", investigation.startedOn());
        json.put("reason", investigation.reason());
        return json;
    }

    private static Map<String, Object> advice(Recorded<Advice> recorded) {
        Advice advice = recorded.value();
        Map<String, Object> json = entry(recorded, advice.reference());
        json.put("givenOn", advice.givenOn());
        json.put("advised", advice.advised().code());
        json.put("explanation", advice.explanation());
        return json;
    }

    private static Map<String, Object> entry(Recorded<?> recorded, String reference) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", recorded.id());
        json.put("partner", recorded.partnerId());
        json.put("reference", reference);
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
