package nl.zorgtafel.core.internal.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.TimelineEntry;
import nl.zorgtafel.api.model.TimelineEntry.Kind;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;

/**
 * Everything the table knows about one case, read in one transaction: the case, its
 * youth, the partners involved, and what each reported. The timeline is derived from it,
 * never stored, so it cannot disagree with the entries.
 */
public record CaseFile(CaseRecord caseRecord, Youth youth, Set<String> partners, List<Recorded<Signal>> signals,
                       List<Recorded<CareTrajectory>> trajectories, List<Recorded<Measure>> measures,
                       List<Recorded<Investigation>> investigations, List<Recorded<Advice>> advice) {

    /** Same-day entries keep the order in which things happen in a life: signal before care. */
    private static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::date)
            .thenComparing(TimelineEntry::kind)
            .thenComparing(entry -> entry.partner() == null ? "" : entry.partner())
            .thenComparing(TimelineEntry::summary);

    public static CaseFile read(Store store, CaseRecord caseRecord) {
        String caseId = caseRecord.id();
        return new CaseFile(caseRecord, store.youth(caseRecord.youthId()).orElseThrow(), store.partnersOf(caseId),
                store.signalsOf(caseId), store.trajectoriesOf(caseId), store.measuresOf(caseId),
                store.investigationsOf(caseId), store.adviceOf(caseId));
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
        entries.sort(CHRONOLOGICAL);
        return entries;
    }
}
