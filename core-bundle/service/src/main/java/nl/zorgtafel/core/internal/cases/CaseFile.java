package nl.zorgtafel.core.internal.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.TimelineEntry.Kind;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.store.CrisisStore.Alert;
import nl.zorgtafel.core.internal.store.CrisisStore.CrisisRecord;
import nl.zorgtafel.core.internal.store.CrisisStore.MeasureRequest;
import nl.zorgtafel.core.internal.store.CrisisStore.NotificationState;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseLife;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;
import nl.zorgtafel.core.internal.store.Store.StatusChange;
import nl.zorgtafel.core.internal.store.TableStore.AgreementRecord;
import nl.zorgtafel.core.internal.store.TableStore.CaseMeeting;

/**
 * Everything the table knows about one case, read in one transaction: the case, its
 * youth, the partners involved, what each reported, the table's own work on it (meetings,
 * agreements), its crisis path, and its life (status changes, merge, retention clock). The
 * timeline is derived from it, never stored, so it cannot disagree with the entries.
 */
public record CaseFile(CaseRecord caseRecord, Youth youth, Set<String> partners, List<Recorded<Signal>> signals,
                       List<Recorded<CareTrajectory>> trajectories, List<Recorded<Measure>> measures,
                       List<Recorded<Investigation>> investigations, List<Recorded<Advice>> advice,
                       TableWork table, CrisisWork crisis, Life life) {

    /** The table's work on the case: the meetings whose agenda held it, and its agreements. */
    public record TableWork(List<CaseMeeting> meetings, List<AgreementRecord> agreements) {
        public static final TableWork NONE = new TableWork(List.of(), List.of());
    }

    /**
     * The case's crisis records, where the crisis team's notifications stand (by
     * notification id), the measures requested, and the coordinator's alerts.
     */
    public record CrisisWork(List<CrisisRecord> crises, Map<String, NotificationState> notifications,
                             List<MeasureRequest> measureRequests, List<Alert> alerts) {
        public static final CrisisWork NONE = new CrisisWork(List.of(), Map.of(), List.of(), List.of());
    }

    /** How the case's status changed, where it was merged into, and its retention clock. */
    public record Life(List<StatusChange> statusChanges, CaseLife caseLife) {
        public static final Life NONE = new Life(List.of(), new CaseLife(null, null));
    }

    /** Same-day entries keep the order in which things happen in a life: signal before care. */
    private static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::date)
            .thenComparing(TimelineEntry::kind)
            .thenComparing(entry -> entry.partner() == null ? "" : entry.partner())
            .thenComparing(TimelineEntry::summary);

    /** What partners reported, without the table's own work (for reads that need no more). */
    public CaseFile(CaseRecord caseRecord, Youth youth, Set<String> partners, List<Recorded<Signal>> signals,
                    List<Recorded<CareTrajectory>> trajectories, List<Recorded<Measure>> measures,
                    List<Recorded<Investigation>> investigations, List<Recorded<Advice>> advice) {
        this(caseRecord, youth, partners, signals, trajectories, measures, investigations, advice, TableWork.NONE,
                CrisisWork.NONE, Life.NONE);
    }

    public static CaseFile read(Store store, CaseRecord caseRecord) {
        String caseId = caseRecord.id();
        List<CrisisRecord> crises = store.crises().crisesOf(caseId);
        Map<String, NotificationState> notifications = new LinkedHashMap<>();
        for (CrisisRecord crisis : crises) {
            if (crisis.notificationId() != null) {
                store.crises().notificationState(crisis.notificationId())
                        .ifPresent(state -> notifications.put(crisis.notificationId(), state));
            }
        }
        return new CaseFile(caseRecord, store.youth(caseRecord.youthId()).orElseThrow(), store.partnersOf(caseId),
                store.signalsOf(caseId), store.trajectoriesOf(caseId), store.measuresOf(caseId),
                store.investigationsOf(caseId), store.adviceOf(caseId),
                new TableWork(store.table().meetingsOf(caseId), store.table().agreementsOf(caseId)),
                new CrisisWork(crises, notifications, store.crises().measureRequestsOf(caseId),
                        store.crises().alertsOf(caseId)),
                new Life(store.statusChangesOf(caseId), store.caseLife(caseId).orElse(Life.NONE.caseLife())));
    }

    /** The case's history, oldest first. */
    public List<TimelineEntry> timeline() {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Recorded<Signal> s : signals) {
            entries.add(new TimelineEntry(s.value().observedOn(), Kind.SIGNAL, s.partnerId(), s.value().summary(),
                    s.value().urgency().code()));
        }
        for (Recorded<CareTrajectory> t : trajectories) {
            CareTrajectory trajectory = t.value();
            entries.add(new TimelineEntry(trajectory.startedOn(), Kind.TRAJECTORY_START, t.partnerId(),
                    trajectory.kind(), null));
            trajectory.knownEnding().ifPresent(ending -> entries.add(new TimelineEntry(ending.endedOn(),
                    Kind.TRAJECTORY_END, t.partnerId(), trajectory.kind(), ending.kind().code())));
        }
        for (Recorded<Measure> m : measures) {
            entries.add(new TimelineEntry(m.value().startsOn(), Kind.MEASURE, m.partnerId(), m.value().kind().code(),
                    m.value().kind().code()));
        }
        for (Recorded<Investigation> i : investigations) {
            entries.add(new TimelineEntry(i.value().startedOn(), Kind.INVESTIGATION, i.partnerId(),
                    i.value().reason(), null));
        }
        for (Recorded<Advice> a : advice) {
            entries.add(new TimelineEntry(a.value().givenOn(), Kind.ADVICE, a.partnerId(), a.value().explanation(),
                    a.value().advised().code()));
        }
        for (CaseMeeting meeting : table.meetings()) {
            String minutes = meeting.item().minutes();
            entries.add(new TimelineEntry(meeting.meeting().date(), Kind.MEETING, null,
                    minutes == null ? "On the agenda: " + String.join(", ", meeting.item().reasons()) : minutes,
                    null));
        }
        for (AgreementRecord agreement : table.agreements()) {
            entries.add(new TimelineEntry(agreement.madeOn(), Kind.AGREEMENT, agreement.agreement().ownerPartner(),
                    agreement.agreement().description(), agreement.agreement().status().code()));
        }
        entries.sort(CHRONOLOGICAL);
        return entries;
    }
}
