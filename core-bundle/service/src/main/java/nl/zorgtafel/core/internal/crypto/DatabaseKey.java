package nl.zorgtafel.core.internal.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The boot key of the encrypted Derby database (256-bit AES), kept in the same key file as
 * the column keys ({@value #KEY}); added to a key file that lacks it. To change it, an
 * operator writes a new key as {@value #NEXT_KEY}: at the next start the database is
 * re-encrypted under it and it becomes {@value #KEY} ({@link #promote()}).
 */
public final class DatabaseKey {

    static final String KEY = "database.key";
    static final String NEXT_KEY = "database.key.next";

    private final Path file;
    private final byte[] key;
    private final byte[] next;

    private DatabaseKey(Path file, byte[] key, byte[] next) {
        this.file = file;
        this.key = key;
        this.next = next;
    }

    /** Reads the database key from the key file, adding a fresh one when the file has none. */
    public static DatabaseKey openOrAdd(Path keyFile) throws IOException {
        Properties properties = read(keyFile);
        if (properties.getProperty(KEY) == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            List<String> lines = new ArrayList<>(Files.readAllLines(keyFile, StandardCharsets.ISO_8859_1));
            lines.add("# boot key of the encrypted database (AES-256); never lose it, see docs/privacy.md");
            lines.add(KEY + "=" + Base64.getEncoder().encodeToString(fresh));
            write(keyFile, lines);
            properties = read(keyFile);
        }
        return new DatabaseKey(keyFile, decode(properties, KEY), properties.getProperty(NEXT_KEY) == null ? null
                : decode(properties, NEXT_KEY));
    }

    /** The key as Derby's {@code encryptionKey} attribute takes it: hexadecimal. */
    public String hex() {
        return HexFormat.of().formatHex(key);
    }

    /** The key the database is to be re-encrypted under at this start, if the operator set one. */
    public Optional<String> nextHex() {
        return Optional.ofNullable(next).map(HexFormat.of()::formatHex);
    }

    /** After a re-encryption: the next key becomes the key, and the old one leaves the file. */
    public void promote() throws IOException {
        if (next == null) {
            return;
        }
        String nextValue = Base64.getEncoder().encodeToString(next);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String name = line.split("[=:]", 2)[0].strip();
            if (name.equals(NEXT_KEY)) {
                continue;
            }
            lines.add(name.equals(KEY) ? KEY + "=" + nextValue : line);
        }
        write(file, lines);
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keys", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
        Files.write(temporary, lines, StandardCharsets.ISO_8859_1);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] decode(Properties properties, String name) {
        byte[] value = Base64.getDecoder().decode(properties.getProperty(name).strip());
        if (value.length != 32) {
            throw new IllegalStateException(name + " must be 256 bits");
        }
        return value;
    }

    @Override
    public String toString() {
        return "DatabaseKey[" + (next == null ? "" : "re-encryption pending") + "]";
    }
}
