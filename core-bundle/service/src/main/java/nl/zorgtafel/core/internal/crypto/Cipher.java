package nl.zorgtafel.core.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of personal data at rest: BSNs and raw partner messages. Each
 * value is stored as {@code keyId ':' iv ciphertext tag}, so that values written under an
 * older key stay readable after a new key is made active.
 */
public final class Cipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public Cipher(KeyRing keys) {
        this.keys = keys;
    }

    public byte[] encrypt(byte[] plain) {
        String keyId = keys.activeKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            javax.crypto.Cipher aes = aes(javax.crypto.Cipher.ENCRYPT_MODE, keyId, iv);
            byte[] sealed = aes.doFinal(plain);
            byte[] prefix = (keyId + ":").getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(prefix.length + IV_BYTES + sealed.length)
                    .put(prefix).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * Looking up a cipher costs more than using it; each thread keeps one, initialised anew
     * (key and fresh IV) for every value.
     */
    private static final ThreadLocal<javax.crypto.Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    public byte[] decrypt(byte[] stored) {
        int colon = indexOfColon(stored);
        String keyId = new String(stored, 0, colon, StandardCharsets.US_ASCII);
        int ivStart = colon + 1;
        byte[] iv = java.util.Arrays.copyOfRange(stored, ivStart, ivStart + IV_BYTES);
        try {
            javax.crypto.Cipher aes = aes(javax.crypto.Cipher.DECRYPT_MODE, keyId, iv);
            return aes.doFinal(stored, ivStart + IV_BYTES, stored.length - ivStart - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or altered data", e);
        }
    }

    public String encryptText(String plain) {
        return java.util.Base64.getEncoder().encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decryptText(String stored) {
        return new String(decrypt(java.util.Base64.getDecoder().decode(stored)), StandardCharsets.UTF_8);
    }

    private javax.crypto.Cipher aes(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
        javax.crypto.Cipher aes = AES_GCM.get();
        aes.init(mode, new SecretKeySpec(keys.encryptionKey(keyId), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return aes;
    }

    private static int indexOfColon(byte[] stored) {
        for (int i = 0; i < Math.min(stored.length, 16); i++) {
            if (stored[i] == ':') {
                return i;
            }
        }
        throw new IllegalStateException("not a value this cipher wrote");
    }
}
