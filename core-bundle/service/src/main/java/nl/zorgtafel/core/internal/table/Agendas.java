package nl.zorgtafel.core.internal.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.CaseStatus;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.TableStore.MeetingRecord;

/**
 * Proposes a meeting's agenda: the open cases the table must discuss, each with why.
 *
 * <ul>
 *   <li>{@code new}: not yet on the agenda of an earlier meeting (opened since the last
 *       meeting, or never discussed);</li>
 *   <li>{@code repeat}: a new case of a youth whose previous case closed less than 12
 *       months before;</li>
 *   <li>{@code crisis}: a crisis signal observed after the last meeting's date or
 *       registered after it was planned (every crisis case when there was none);</li>
 *   <li>{@code overdue-agreement}: an open agreement due before the meeting's date.</li>
 * </ul>
 *
 * Crisis cases come first, then repeats, then overdue agreements, then the other new
 * cases; within each, the case opened first comes first.
 */
public final class Agendas {

    public static final String NEW = "new";
    public static final String REPEAT = "repeat";
    public static final String CRISIS = "crisis";
    public static final String OVERDUE_AGREEMENT = "overdue-agreement";
    /** Put on the agenda by the coordinator. */
    public static final String ADDED = "added";

    /** A proposed agenda item: a case, and why it is there. */
    public record Proposal(CaseRecord caseRecord, List<String> reasons) {
        public Proposal {
            reasons = List.copyOf(reasons);
        }
    }

    public List<Proposal> propose(Store store, MeetingRecord meeting) {
        Optional<MeetingRecord> previous = store.table().previousMeeting(meeting.date(), meeting.id());
        Set<String> discussed = store.table().casesOnAgendasBefore(meeting.date(), meeting.id());
        Set<String> overdue = store.table().casesWithAgreementsDueBefore(meeting.date());
        Set<String> crisisSince = previous
                .map(last -> store.openCasesWithCrisisSince(last.date(), last.createdAt()))
                .orElse(null);
        List<Proposal> proposals = new ArrayList<>();
        for (CaseRecord c : store.cases(CaseStatus.OPEN.code(), null)) {
            List<String> reasons = new ArrayList<>();
            boolean isNew = !discussed.contains(c.id());
            if (isNew) {
                reasons.add(NEW);
            }
            if (isNew && c.repeatOf() != null) {
                reasons.add(REPEAT);
            }
            if (c.crisis() && (crisisSince == null || crisisSince.contains(c.id()))) {
                reasons.add(CRISIS);
            }
            if (overdue.contains(c.id())) {
                reasons.add(OVERDUE_AGREEMENT);
            }
            if (!reasons.isEmpty()) {
                proposals.add(new Proposal(c, reasons));
            }
        }
        proposals.sort(Comparator.comparingInt(Agendas::rank)
                .thenComparing(p -> p.caseRecord().openedOn())
                .thenComparing(p -> p.caseRecord().id()));
        return proposals;
    }

    private static int rank(Proposal proposal) {
        List<String> reasons = proposal.reasons();
        if (reasons.contains(CRISIS)) {
            return 0;
        }
        if (reasons.contains(REPEAT)) {
            return 1;
        }
        return reasons.contains(OVERDUE_AGREEMENT) ? 2 : 3;
    }
}
