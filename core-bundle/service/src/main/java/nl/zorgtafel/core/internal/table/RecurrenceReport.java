package nl.zorgtafel.core.internal.table;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The recurrence report (terugkeer) over a period: the cases closed in it, how many of
 * them came back as a repeat (the youth signalled again within 12 months of the closing,
 * whenever that was), the repeat rate, and for each repeat the care trajectories, and how
 * they ended, that preceded it.
 */
public final class RecurrenceReport {

    private final Transactions transactions;

    public RecurrenceReport(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * One repeat: the closed case, the case that repeats it, and the trajectories of the
     * youth's earlier cases that started before it.
     */
    public record Repeat(CaseRecord closedCase, CaseRecord repeatCase, Youth youth, long daysAfterClosing,
                         List<Recorded<CareTrajectory>> precedingTrajectories) {
    }

    /**
     * @param repeatRate {@code repeats / closedCases}, rounded to four decimals; 0 when no
     *     case closed
     */
    public record Report(LocalDate from, LocalDate to, int closedCases, int repeats, double repeatRate,
                         List<Repeat> items) {
    }

    public Report report(LocalDate from, LocalDate to) {
        return transactions.run(store -> {
            List<CaseRecord> closed = store.casesClosedBetween(from, to);
            List<Repeat> repeats = new ArrayList<>();
            for (CaseRecord closedCase : closed) {
                store.repeatsOf(closedCase.id()).stream().findFirst()
                        .ifPresent(repeat -> repeats.add(repeat(store, closedCase, repeat)));
            }
            double rate = closed.isEmpty() ? 0.0
                    : Math.round(10_000.0 * repeats.size() / closed.size()) / 10_000.0;
            return new Report(from, to, closed.size(), repeats.size(), rate, List.copyOf(repeats));
        });
    }

    private static Repeat repeat(Store store, CaseRecord closedCase, CaseRecord repeatCase) {
        List<Recorded<CareTrajectory>> preceding = new ArrayList<>();
        for (CaseRecord earlier : store.casesOf(repeatCase.youthId())) {
            if (earlier.id().equals(repeatCase.id()) || earlier.openedOn().isAfter(repeatCase.openedOn())) {
                continue;
            }
            store.trajectoriesOf(earlier.id()).stream()
                    .filter(t -> t.value().startedOn().isBefore(repeatCase.openedOn())
                            || t.value().startedOn().isEqual(repeatCase.openedOn()))
                    .forEach(preceding::add);
        }
        return new Repeat(closedCase, repeatCase, store.youth(repeatCase.youthId()).orElseThrow(),
                ChronoUnit.DAYS.between(closedCase.closedOn(), repeatCase.openedOn()), List.copyOf(preceding));
    }
}
