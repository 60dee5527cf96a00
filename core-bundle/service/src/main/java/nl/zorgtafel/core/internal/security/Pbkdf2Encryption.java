package nl.zorgtafel.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.karaf.jaas.modules.Encryption;

/**
 * Password hashing for the {@code zorgtafel} realm: PBKDF2-HMAC-SHA-256 with a random salt
 * per password and {@value #ITERATIONS} iterations (the OWASP Password Storage Cheat Sheet's
 * figure for this PRF), stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64).
 * A stored hash carries its own iteration count, so one written with older parameters (210,000
 * iterations in earlier versions) still checks; {@link #isCurrent} tells the realm to write it again at
 * the person's next login. Karaf's own choice, an unsalted SHA-512, is only still accepted for a
 * hash written by an earlier version (128 hex digits). A password still in plain text (written
 * by an operator, not hashed yet: the realm hashes it within a moment) is compared as it
 * stands, so that a login in that moment works.
 */
public final class Pbkdf2Encryption implements Encryption {

    static final String SCHEME = "pbkdf2-sha256";
    /**
     * OWASP's figure for PBKDF2-HMAC-SHA-256, which it rates equal to HMAC-SHA-512 at 210,000:
     * keeping SHA-256 keeps the stored format, so that the change is one of the count only.
     */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public Pbkdf2Encryption() {
        this(ITERATIONS);
    }

    /** Hashes with another iteration count: only tests make the hashes of an earlier version so. */
    Pbkdf2Encryption(int iterations) {
        this.iterations = iterations;
    }

    @Override
    public String encryptPassword(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    @Override
    public boolean checkPassword(String input, String stored) {
        if (input == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length == 4 && parts[0].equals(SCHEME)) {
            try {
                int storedIterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                return storedIterations > 0
                        && MessageDigest.isEqual(expected, derive(input, salt, storedIterations));
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (stored.matches("[0-9a-fA-F]{128}")) {
            return MessageDigest.isEqual(stored.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                    legacySha512(input).getBytes(StandardCharsets.US_ASCII));
        }
        // a password just written in plain text, in the moment before the realm hashes it
        // (Karaf asks the encryption even then): it is compared as it stands
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), input.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a stored password is hashed as this version hashes: this scheme and
     * {@value #ITERATIONS} iterations. An older count, Karaf's SHA-512 and plain text are not.
     */
    static boolean isCurrent(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        return parts.length == 4 && parts[0].equals(SCHEME) && parts[1].equals(Integer.toString(ITERATIONS));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String legacySha512(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }
}
