package nl.zorgtafel.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.karaf.jaas.modules.Encryption;

/**
 * Password hashing for the {@code zorgtafel} realm: PBKDF2-HMAC-SHA-256 with a random salt
 * per password and {@value #ITERATIONS} iterations, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). Karaf's own choice, an unsalted
 * SHA-512, is only still accepted for a hash written by an earlier version (128 hex digits).
 * A password still in plain text (written by an operator, not hashed yet: the realm hashes
 * it within a moment) is compared as it stands, so that a login in that moment works.
 */
public final class Pbkdf2Encryption implements Encryption {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String encryptPassword(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + "$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    @Override
    public boolean checkPassword(String input, String stored) {
        if (input == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length == 4 && parts[0].equals(SCHEME)) {
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                return iterations > 0 && MessageDigest.isEqual(expected, derive(input, salt, iterations));
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (stored.matches("[0-9a-fA-F]{128}")) {
            return MessageDigest.isEqual(stored.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                    legacySha512(input).getBytes(StandardCharsets.US_ASCII));
        }
        // a password just written in plain text, in the moment before the realm hashes it
        // (Karaf asks the encryption even then): it is compared as it stands
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), input.getBytes(StandardCharsets.UTF_8));
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
