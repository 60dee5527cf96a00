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
 *
 * <p>Other identifiers the store must find but not hold in clear (a user name, a source
 * address) get a pseudonym for a purpose under the same key: the purpose is part of what is
 * hashed, so such a pseudonym never equals a BSN's or one made for another purpose.
 */
public final class Pseudonymizer {

    private final SecretKeySpec key;

    public Pseudonymizer(KeyRing keys) {
        this.key = new SecretKeySpec(keys.pseudonymKey(), "HmacSHA256");
    }

    /** Looking up a MAC costs more than using it: each thread keeps one. */
    private final ThreadLocal<Mac> hmacs = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    });

    public String pseudonymOf(Bsn bsn) {
        return hmac(bsn.digits().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The pseudonym of a value for a purpose: HMAC-SHA-256 of the purpose, a zero byte and
     * the value in UTF-8 (a BSN's input is nine digits, without a zero byte).
     */
    public String pseudonymOf(String purpose, String value) {
        return hmac((purpose + '\0' + value).getBytes(StandardCharsets.UTF_8));
    }

    private String hmac(byte[] input) {
        try {
            Mac mac = hmacs.get();
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
