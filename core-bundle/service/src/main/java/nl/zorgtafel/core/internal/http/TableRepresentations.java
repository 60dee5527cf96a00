package nl.zorgtafel.core.internal.http;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.crisis.CrisisPath;
import nl.zorgtafel.core.internal.crisis.Crises;
import nl.zorgtafel.core.internal.matching.MatchCandidates;
import nl.zorgtafel.core.internal.matching.YouthMerger;
import nl.zorgtafel.core.internal.store.CrisisStore.Alert;
import nl.zorgtafel.core.internal.store.CrisisStore.MeasureRequest;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;
import nl.zorgtafel.core.internal.store.Store.StatusChange;
import nl.zorgtafel.core.internal.store.TableStore.AgendaItem;
import nl.zorgtafel.core.internal.store.TableStore.AgreementRecord;
import nl.zorgtafel.core.internal.store.TableStore.CaseMeeting;
import nl.zorgtafel.core.internal.table.Meetings;
import nl.zorgtafel.core.internal.table.MissedSignals;
import nl.zorgtafel.core.internal.table.RecurrenceReport;

/**
 * The JSON shapes of the table's resources: meetings and their agenda, agreements, match
 * candidates, missed signals, the recurrence report, the crisis path and alerts. A youth
 * appears by id, display name and birth date; never a BSN.
 */
final class TableRepresentations {

    private TableRepresentations() {
    }

    /** What a case shows of the table's work, its crisis path and its life, added to its other fields. */
    static void caseWork(Map<String, Object> json, CaseFile file, LocalDate today) {
        json.put("agreements", file.table().agreements().stream().map(a -> agreement(a, today)).toList());
        json.put("meetings", file.table().meetings().stream().map(TableRepresentations::caseMeeting).toList());
        json.put("crisisPath", CrisisPath.of(file).stream().map(TableRepresentations::crisisPath).toList());
        json.put("measureRequests", file.crisis().measureRequests().stream()
                .map(TableRepresentations::measureRequest).toList());
        json.put("alerts", file.crisis().alerts().stream().map(TableRepresentations::alert).toList());
        json.put("statusHistory", file.life().statusChanges().stream().map(TableRepresentations::statusChange)
                .toList());
        putIfPresent(json, "mergedInto", file.life().caseLife().mergedInto());
        putIfPresent(json, "retentionFrom", file.life().caseLife().retentionFrom());
    }

    // ---- meetings ----

    static Map<String, Object> meeting(Meetings.MeetingView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.meeting().id());
        json.put("date", view.meeting().date());
        json.put("createdAt", view.meeting().createdAt());
        json.put("items", view.items().stream().map(TableRepresentations::agendaItem).toList());
        return json;
    }

    static Map<String, Object> agendaItem(Meetings.ItemView view) {
        AgendaItem item = view.item();
        CaseRecord c = view.caseRecord();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caseId", item.caseId());
        json.put("order", item.order());
        json.put("reasons", item.reasons());
        json.put("youth", youth(view.youth()));
        json.put("partners", List.copyOf(view.partners()));
        json.put("caseStatus", c.status());
        json.put("crisis", c.crisis());
        json.put("repeat", c.repeatOf() != null);
        putIfPresent(json, "repeatOf", c.repeatOf());
        json.put("minutes", minutes(item));
        return json;
    }

    private static Map<String, Object> caseMeeting(CaseMeeting meeting) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", meeting.meeting().id());
        json.put("date", meeting.meeting().date());
        json.put("reasons", meeting.item().reasons());
        json.put("minutes", minutes(meeting.item()));
        return json;
    }

    private static Map<String, Object> minutes(AgendaItem item) {
        if (item.minutes() == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", item.minutes());
        json.put("recordedAt", item.minutesAt());
        json.put("recordedBy", item.minutesBy());
        return json;
    }

    // ---- agreements ----

    static Map<String, Object> agreement(AgreementRecord record, LocalDate today) {
        Agreement agreement = record.agreement();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", agreement.id());
        json.put("caseId", agreement.caseId());
        json.put("description", agreement.description());
        json.put("ownerPartner", agreement.ownerPartner());
        json.put("dueDate", agreement.dueDate());
        json.put("status", agreement.status().code());
        json.put("overdue", agreement.isOverdueOn(today));
        json.put("madeOn", record.madeOn());
        putIfPresent(json, "meetingId", record.meetingId());
        putIfPresent(json, "doneOn", record.doneOn());
        return json;
    }

    // ---- match candidates ----

    static Map<String, Object> candidate(MatchCandidates.View view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.candidate().id());
        json.put("status", view.candidate().status().code());
        json.put("score", view.candidate().score());
        json.put("reasons", view.candidate().reasons());
        json.put("proposedAt", view.candidate().proposedAt());
        putIfPresent(json, "decidedAt", view.candidate().decidedAt());
        putIfPresent(json, "decidedBy", view.candidate().decidedBy());
        json.put("youth", side(view.youth()));
        json.put("candidate", side(view.other()));
        return json;
    }

    private static Map<String, Object> side(MatchCandidates.Side side) {
        Map<String, Object> json = youth(side.youth());
        if (side.latestCase() != null) {
            json.put("caseId", side.latestCase().id());
            json.put("caseStatus", side.latestCase().status());
        }
        json.put("partners", List.copyOf(side.partners()));
        return json;
    }

    static Map<String, Object> merge(YouthMerger.Outcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("youthId", outcome.survivingYouthId());
        json.put("mergedYouthId", outcome.mergedYouthId());
        json.put("caseId", outcome.survivingCaseId());
        json.put("mergedCaseIds", outcome.mergedCaseIds());
        json.put("movedEntries", outcome.movedEntries());
        json.put("bsnLinked", outcome.bsnLinked());
        return json;
    }

    // ---- missed signals and recurrence ----

    static Map<String, Object> missedSignals(String caseId, MissedSignals.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caseId", caseId);
        json.put("firstIntervention", result.firstIntervention() == null ? null
                : intervention(result.firstIntervention()));
        json.put("signals", missed(result.signals()));
        json.put("careEndedEarly", result.endedEarly().stream().map(TableRepresentations::intervention).toList());
        json.put("firstLastingIntervention", result.firstLastingIntervention() == null ? null
                : intervention(result.firstLastingIntervention()));
        json.put("signalsBeforeLastingIntervention", missed(result.signalsBeforeLasting()));
        return json;
    }

    private static List<Map<String, Object>> missed(List<MissedSignals.Missed> signals) {
        return signals.stream().map(missed -> {
            Recorded<Signal> recorded = missed.signal();
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("id", recorded.id());
            signal.put("partner", recorded.partnerId());
            signal.put("observedOn", recorded.value().observedOn());
            signal.put("category", recorded.value().category().code());
            signal.put("urgency", recorded.value().urgency().code());
            signal.put("summary", recorded.value().summary());
            signal.put("daysBeforeIntervention", missed.daysBefore());
            return signal;
        }).toList();
    }

    private static Map<String, Object> intervention(MissedSignals.Intervention intervention) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", intervention.date());
        json.put("kind", intervention.kind().code());
        json.put("partner", intervention.partnerId());
        json.put("summary", intervention.what());
        return json;
    }

    static Map<String, Object> recurrence(RecurrenceReport.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", report.from());
        json.put("to", report.to());
        json.put("closedCases", report.closedCases());
        json.put("repeats", report.repeats());
        json.put("repeatRate", report.repeatRate());
        json.put("items", report.items().stream().map(repeat -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("caseId", repeat.repeatCase().id());
            item.put("repeatOf", repeat.closedCase().id());
            item.put("youth", youth(repeat.youth()));
            item.put("closedOn", repeat.closedCase().closedOn());
            item.put("closeReason", repeat.closedCase().closeReason());
            item.put("openedOn", repeat.repeatCase().openedOn());
            item.put("daysAfterClosing", repeat.daysAfterClosing());
            item.put("trajectories", repeat.precedingTrajectories().stream().map(Representations::trajectory)
                    .toList());
            return item;
        }).toList());
        return json;
    }

    // ---- the crisis path and alerts ----

    private static Map<String, Object> crisisPath(CrisisPath path) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signalId", path.signal().id());
        json.put("partner", path.signal().partnerId());
        json.put("observedOn", path.signal().value().observedOn());
        json.put("summary", path.signal().value().summary());
        json.put("raisedAt", path.crisis().raisedAt());
        Map<String, Object> notification = null;
        if (path.notification() != null) {
            notification = new LinkedHashMap<>();
            notification.put("id", path.notification().notificationId());
            notification.put("partner", "jbrr");
            notification.put("status", path.notification().status());
            notification.put("attempts", path.notification().attempts());
            notification.put("deliveredAt", path.notification().deliveredAt());
        }
        json.put("notification", notification);
        json.put("acknowledged", path.isAcknowledged());
        json.put("acknowledgedAt", path.crisis().acknowledgedAt());
        json.put("acknowledgedBy", path.crisis().acknowledgedBy());
        json.put("alertedAt", path.crisis().alertedAt());
        json.put("measureRequested", step(path.requested()));
        json.put("measureGranted", step(path.granted()));
        return json;
    }

    private static Map<String, Object> step(CrisisPath.Step step) {
        if (step == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", step.date());
        json.put("partner", step.partnerId());
        json.put("kind", step.kind());
        json.put("source", step.source());
        return json;
    }

    static Map<String, Object> measureRequest(MeasureRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", request.id());
        json.put("partner", request.partnerId());
        json.put("kind", request.kind());
        json.put("requestedOn", request.requestedOn());
        json.put("note", request.note());
        return json;
    }

    static Map<String, Object> alert(Alert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", alert.id());
        json.put("caseId", alert.caseId());
        json.put("kind", alert.kind());
        json.put("summary", alert.summary());
        json.put("raisedAt", alert.raisedAt());
        json.put("open", alert.isOpen());
        putIfPresent(json, "resolvedAt", alert.resolvedAt());
        putIfPresent(json, "resolvedBy", alert.resolvedBy());
        return json;
    }

    static Map<String, Object> alert(Crises.AlertView view) {
        Map<String, Object> json = alert(view.alert());
        json.put("caseStatus", view.caseRecord().status());
        // which partner raised the crisis and when, so that a reader need not parse the summary
        view.crisis().ifPresent(crisis -> {
            json.put("crisisReportedBy", crisis.reportedBy());
            json.put("crisisRaisedAt", crisis.raisedAt());
        });
        return json;
    }

    private static Map<String, Object> statusChange(StatusChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", change.status());
        json.put("on", change.on());
        json.put("reason", change.reason());
        json.put("by", change.by());
        return json;
    }

    // ---- shared ----

    static Map<String, Object> youth(Youth youth) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", youth.id());
        json.put("displayName", youth.displayName());
        json.put("birthDate", youth.birthDate());
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
