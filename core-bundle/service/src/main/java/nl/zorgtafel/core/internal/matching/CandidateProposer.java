package nl.zorgtafel.core.internal.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgtafel.core.internal.store.MatchStore;
import nl.zorgtafel.core.internal.store.MatchStore.Candidate;
import nl.zorgtafel.core.internal.store.MatchStore.ComparableYouth;
import nl.zorgtafel.core.internal.store.Store;

/**
 * Proposes match candidates for a youth the table just registered without a BSN it knew:
 * every youth it already knows who scores as possibly the same person. A youth registered
 * without a BSN is compared with every youth; one registered with a new BSN only with
 * youths whose BSN is not known (two different BSNs are two people). A pair is proposed
 * once, ever: a rejected pair is never proposed again.
 */
public final class CandidateProposer {

    /** The reason of a candidate that a partner's own reference ties to a youth holding the BSN it gives. */
    public static final String SAME_BSN = "bsn";

    private final MatchScorer scorer;

    public CandidateProposer() {
        this(new MatchScorer());
    }

    public CandidateProposer(MatchScorer scorer) {
        this.scorer = scorer;
    }

    public List<Candidate> propose(Store store, String youthId, Person person, boolean hasBsn, Instant now) {
        MatchStore matches = store.matches();
        Integer birthYear = person.birthDate() == null ? null : person.birthDate().getYear();
        List<Candidate> proposed = new ArrayList<>();
        for (ComparableYouth other : matches.comparableYouths(birthYear, hasBsn, youthId)) {
            if (matches.pairKnown(youthId, other.id())) {
                continue;
            }
            scorer.score(person, new Person(other.givenName(), other.familyName(), other.birthDate()))
                    .ifPresent(score -> proposed.add(add(matches, youthId, other.id(), score, now)));
        }
        return proposed;
    }

    /**
     * Proposes a pair the coordinator must decide on, whatever the names say: a partner's
     * reference ties its youth to a BSN another youth holds.
     */
    public void proposeSameBsn(Store store, String youthId, String holderYouthId, Instant now) {
        if (!youthId.equals(holderYouthId) && !store.matches().pairKnown(youthId, holderYouthId)) {
            add(store.matches(), youthId, holderYouthId, new MatchScore(100, List.of(SAME_BSN)), now);
        }
    }

    private static Candidate add(MatchStore matches, String youthId, String otherYouthId, MatchScore score,
                                 Instant now) {
        Candidate candidate = new Candidate(UUID.randomUUID().toString(), youthId, otherYouthId, score.score(),
                score.reasons(), MatchStore.Status.OPEN, now, null, null);
        matches.addCandidate(candidate);
        return candidate;
    }
}
