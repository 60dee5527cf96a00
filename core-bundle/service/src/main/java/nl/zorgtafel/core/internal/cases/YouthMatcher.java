package nl.zorgtafel.core.internal.cases;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.store.Store;

/**
 * Finds the table's youth for the identity a partner gives, or registers a new one.
 *
 * <p>With a BSN the match is exact, through the keyed pseudonym; the BSN itself is stored
 * only encrypted. Without a BSN every identity is a new youth for now: matching on name and
 * birth date proposes candidates for the coordinator, never merges on its own.
 */
public final class YouthMatcher {

    private final Pseudonymizer pseudonymizer;
    private final Cipher cipher;

    public YouthMatcher(Pseudonymizer pseudonymizer, Cipher cipher) {
        this.pseudonymizer = pseudonymizer;
        this.cipher = cipher;
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
        return new Match(id, false);
    }

    /** A youth found or registered; {@code matched} when the table knew them already. */
    public record Match(String youthId, boolean matched) {
    }
}
