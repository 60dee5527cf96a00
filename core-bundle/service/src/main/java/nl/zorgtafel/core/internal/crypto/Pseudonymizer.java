package nl.zorgtafel.core.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.zorgtafel.api.model.Bsn;

/**
 * The keyed pseudonym of a BSN (HMAC-SHA-256): equal BSNs give equal pseudonyms, so the
 * store can find a youth by BSN without holding the BSN in a searchable form, and without
 * the key nobody can compute the pseudonym of a known BSN. Audit records name youths by
 * this pseudonym.
 */
public final class Pseudonymizer {

    private final SecretKeySpec key;

    public Pseudonymizer(KeyRing keys) {
        this.key = new SecretKeySpec(keys.pseudonymKey(), "HmacSHA256");
    }

    public String pseudonymOf(Bsn bsn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bsn.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
