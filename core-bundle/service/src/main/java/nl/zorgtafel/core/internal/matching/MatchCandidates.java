package nl.zorgtafel.core.internal.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.store.MatchStore;
import nl.zorgtafel.core.internal.store.MatchStore.Candidate;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The coordinator's work on match candidates: the list, and the decision on each. A
 * confirmed candidate merges the two youths ({@link YouthMerger}); a rejected one is kept,
 * so that the pair is never proposed again.
 */
public final class MatchCandidates {

    private final Transactions transactions;
    private final YouthMerger merger;
    private final Clock clock;

    public MatchCandidates(Transactions transactions, YouthMerger merger, Clock clock) {
        this.transactions = transactions;
        this.merger = merger;
        this.clock = clock;
    }

    /** A youth of a candidate as the coordinator weighs them: who, their latest case, its partners. */
    public record Side(Youth youth, CaseRecord latestCase, Set<String> partners) {
    }

    /** A candidate with both its youths. */
    public record View(Candidate candidate, Side youth, Side other) {
    }

    /** Candidates with this status ({@code null}: all), newest first. */
    public List<View> list(MatchStore.Status status) {
        return transactions.run(store -> store.matches().candidates(status).stream()
                .map(candidate -> view(store, candidate)).toList());
    }

    public Optional<View> read(String candidateId) {
        return transactions.run(store -> store.matches().candidate(candidateId).map(c -> view(store, c)));
    }

    /** Confirms that the two youths are one person, and merges them; empty when there is no such candidate. */
    public Optional<YouthMerger.Outcome> confirm(String candidateId, String by) {
        return transactions.run(store -> store.matches().candidate(candidateId).map(candidate -> {
            requireOpen(candidate);
            return merger.merge(store, candidate, by, clock.instant(), LocalDate.now(clock));
        }));
    }

    /** Records that the two youths are two people; the pair is never proposed again. */
    public Optional<View> reject(String candidateId, String by) {
        return transactions.run(store -> store.matches().candidate(candidateId).map(candidate -> {
            requireOpen(candidate);
            store.matches().decide(candidateId, MatchStore.Status.REJECTED, clock.instant(), by);
            return view(store, store.matches().candidate(candidateId).orElseThrow());
        }));
    }

    private static void requireOpen(Candidate candidate) {
        if (candidate.status() != MatchStore.Status.OPEN) {
            throw new Conflict("The candidate was decided already: " + candidate.status().code() + ".");
        }
    }

    private static View view(Store store, Candidate candidate) {
        return new View(candidate, side(store, candidate.youthId()), side(store, candidate.otherYouthId()));
    }

    private static Side side(Store store, String youthId) {
        Youth youth = store.youth(youthId).orElseThrow();
        CaseRecord latest = store.latestCaseOf(youthId).orElse(null);
        return new Side(youth, latest, latest == null ? Set.of() : store.partnersOf(latest.id()));
    }
}
