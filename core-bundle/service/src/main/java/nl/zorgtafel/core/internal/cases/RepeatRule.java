package nl.zorgtafel.core.internal.cases;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;

/**
 * Recurrence (terugkeer): a youth whose case was closed and who is signalled again within
 * 12 months of that closing is a repeat, and the new case names the closed one.
 */
public final class RepeatRule {

    /** A youth signalled again within this time after their case closed is a repeat. */
    public static final Period WINDOW = Period.ofMonths(12);

    private RepeatRule() {
    }

    /**
     * The closed case that a case opened on {@code openedOn} repeats: the latest closed
     * before or on that day, if that closing lies within the window.
     */
    public static Optional<CaseRecord> repeatedCase(List<CaseRecord> earlierCases, LocalDate openedOn) {
        return earlierCases.stream()
                .filter(c -> c.closedOn() != null && !c.closedOn().isAfter(openedOn))
                .max(Comparator.comparing(CaseRecord::closedOn))
                .filter(closed -> isWithinWindow(closed.closedOn(), openedOn));
    }

    public static boolean isWithinWindow(LocalDate closedOn, LocalDate signalledOn) {
        return !closedOn.plus(WINDOW).isBefore(signalledOn);
    }
}
