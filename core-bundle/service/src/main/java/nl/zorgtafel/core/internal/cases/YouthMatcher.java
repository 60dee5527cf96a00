package nl.zorgtafel.core.internal.cases;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.matching.CandidateProposer;
import nl.zorgtafel.core.internal.matching.Person;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.YouthKeys;

/**
 * Finds the table's youth for the identity a partner gives, or registers a new one.
 *
 * <p>With a BSN the match is exact, through the keyed pseudonym; the BSN itself is stored
 * only encrypted. Without a BSN (or with one the table does not know) the identity is a
 * new youth, and matching on name and birth date proposes candidates for the coordinator
 * ({@link CandidateProposer}); it never merges on its own.
 */
public final class YouthMatcher {

    private final Pseudonymizer pseudonymizer;
    private final Cipher cipher;
    private final CandidateProposer candidates;

    public YouthMatcher(Pseudonymizer pseudonymizer, Cipher cipher) {
        this(pseudonymizer, cipher, new CandidateProposer());
    }

    public YouthMatcher(Pseudonymizer pseudonymizer, Cipher cipher, CandidateProposer candidates) {
        this.pseudonymizer = pseudonymizer;
        this.cipher = cipher;
        this.candidates = candidates;
    }

    /** The youth for this identity: found ({@code matched}) or newly registered. */
    public Match match(Store store, YouthIdentity identity, Instant now) {
        Optional<Bsn> bsn = identity.knownBsn();
        String pseudonym = bsn.map(pseudonymizer::pseudonymOf).orElse(null);
        if (pseudonym != null) {
            Optional<String> known = store.youthIdByPseudonym(pseudonym);
            if (known.isPresent()) {
                return new Match(known.get(), true);
            }
        }
        String id = UUID.randomUUID().toString();
        store.addYouth(id, pseudonym, bsn.map(b -> cipher.encryptText(b.digits())).orElse(null),
                identity.givenName(), identity.familyName(), identity.birthDate(), now);
        candidates.propose(store, id, new Person(identity.givenName(), identity.familyName(), identity.birthDate()),
                pseudonym != null, now);
        return new Match(id, false);
    }

    /**
     * A partner gives a BSN for a youth the table knows without one (its own reference ties
     * them): the BSN is linked to the youth, so that every later report with it matches
     * exactly. If another youth holds that BSN already, the two are proposed to the
     * coordinator as a candidate; nothing merges on its own.
     */
    public void linkBsn(Store store, String youthId, YouthIdentity identity, Instant now) {
        Optional<Bsn> bsn = identity.knownBsn();
        Optional<YouthKeys> keys = store.youthKeys(youthId);
        if (bsn.isEmpty() || keys.isEmpty() || keys.get().hasBsn()) {
            return;
        }
        String pseudonym = pseudonymizer.pseudonymOf(bsn.get());
        Optional<String> holder = store.youthIdByPseudonym(pseudonym);
        if (holder.isEmpty()) {
            store.setYouthBsn(youthId, pseudonym, cipher.encryptText(bsn.get().digits()));
        } else {
            candidates.proposeSameBsn(store, youthId, holder.get(), now);
        }
    }

    /** A youth found or registered; {@code matched} when the table knew them already. */
    public record Match(String youthId, boolean matched) {
    }
}
