package nl.zorgtafel.core.internal.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The platform's secret keys, kept in a file outside the database: the AES keys that
 * encrypt BSNs and raw partner messages (by key id, so that a new key can be added and
 * made active without losing what older keys encrypted) and the HMAC key of the BSN
 * pseudonym.
 *
 * <p>On first start the file does not exist; it is then created with fresh random keys,
 * readable by its owner only. Losing it makes every stored BSN unreadable: back it up
 * apart from the database.
 */
public final class KeyRing {

    static final String ACTIVE_KEY = "encryption.active";
    static final String ENCRYPTION_KEY_PREFIX = "encryption.key.";
    static final String PSEUDONYM_KEY = "pseudonym.key";

    private final Map<String, byte[]> encryptionKeys;
    private final String activeKeyId;
    private final byte[] pseudonymKey;

    KeyRing(Map<String, byte[]> encryptionKeys, String activeKeyId, byte[] pseudonymKey) {
        for (String keyId : encryptionKeys.keySet()) {
            // the id travels in front of each ciphertext, where Cipher reads at most 15 characters
            if (!keyId.matches("[A-Za-z0-9._-]{1,15}")) {
                throw new IllegalStateException("the encryption key id '" + keyId
                        + "' must be 1 to 15 letters, digits, '.', '_' or '-'");
            }
        }
        if (!encryptionKeys.containsKey(activeKeyId)) {
            throw new IllegalStateException("the active encryption key '" + activeKeyId + "' is not in the key ring");
        }
        this.encryptionKeys = Map.copyOf(encryptionKeys);
        this.activeKeyId = activeKeyId;
        this.pseudonymKey = pseudonymKey.clone();
    }

    /** Reads the key file, creating it with fresh keys when it does not exist yet. */
    public static KeyRing openOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, byte[]> keys = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ENCRYPTION_KEY_PREFIX)) {
                keys.put(name.substring(ENCRYPTION_KEY_PREFIX.length()), decode(properties, name));
            }
        }
        String active = properties.getProperty(ACTIVE_KEY);
        if (active == null) {
            throw new IllegalStateException("the key file names no active encryption key (" + ACTIVE_KEY + ")");
        }
        return new KeyRing(keys, active.strip(), decode(properties, PSEUDONYM_KEY));
    }

    /** Fresh random keys, for tests and first start. */
    public static KeyRing generate() {
        return new KeyRing(Map.of("1", randomKey()), "1", randomKey());
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties properties = new Properties();
        properties.setProperty(ACTIVE_KEY, "1");
        properties.setProperty(ENCRYPTION_KEY_PREFIX + "1", Base64.getEncoder().encodeToString(randomKey()));
        properties.setProperty(PSEUDONYM_KEY, Base64.getEncoder().encodeToString(randomKey()));
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keys", ".tmp");
        restrictToOwner(temporary);
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Zorgtafel secret keys. Keep apart from the database backup; never share.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }

    private static byte[] decode(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("the key file lacks " + name);
        }
        byte[] key = Base64.getDecoder().decode(value.strip());
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 256 bits");
        }
        return key;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    String activeKeyId() {
        return activeKeyId;
    }

    byte[] encryptionKey(String keyId) {
        byte[] key = encryptionKeys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no encryption key with id '" + keyId + "' in the key ring");
        }
        return key;
    }

    byte[] pseudonymKey() {
        return pseudonymKey;
    }
}
