package nl.zorgtafel.core.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import nl.zorgtafel.core.internal.testing.TestBsns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    @TempDir
    Path folder;

    @Test
    void aMissingKeyFileIsCreatedReadableByItsOwnerOnly() throws IOException {
        Path file = folder.resolve("etc").resolve("zorgtafel-keys.properties");

        KeyRing.openOrCreate(file);

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(folder.resolve("etc")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aCreatedKeyFileIsReadBackWithTheSameKeys() throws IOException {
        Path file = folder.resolve("zorgtafel-keys.properties");
        KeyRing created = KeyRing.openOrCreate(file);
        byte[] sealed = new Cipher(created).encrypt("a concern".getBytes(StandardCharsets.UTF_8));

        KeyRing readBack = KeyRing.openOrCreate(file);

        assertThat(new Cipher(readBack).decrypt(sealed)).asString(StandardCharsets.UTF_8).isEqualTo("a concern");
        assertThat(new Pseudonymizer(readBack).pseudonymOf(TestBsns.bsn("999990019")))
                .isEqualTo(new Pseudonymizer(created).pseudonymOf(TestBsns.bsn("999990019")));
    }

    @Test
    void aValueEncryptedUnderAnOlderKeyStaysReadableAfterANewKeyIsMadeActive() throws IOException {
        String firstKey = randomKey();
        String pseudonymKey = randomKey();
        Path file = folder.resolve("zorgtafel-keys.properties");
        writeKeyFile(file, "1", pseudonymKey, "1", firstKey);
        byte[] sealedUnderFirst = new Cipher(KeyRing.openOrCreate(file)).encrypt(bytes("written in the first year"));

        writeKeyFile(file, "2", pseudonymKey, "1", firstKey, "2", randomKey());
        Cipher rotated = new Cipher(KeyRing.openOrCreate(file));

        assertThat(rotated.decrypt(sealedUnderFirst)).asString(StandardCharsets.UTF_8)
                .isEqualTo("written in the first year");
        assertThat(new String(rotated.encrypt(bytes("written after rotation")), StandardCharsets.US_ASCII))
                .startsWith("2:");
    }

    @Test
    void aKeyFileThatNamesNoActiveKeyIsRefused() throws IOException {
        Path file = folder.resolve("zorgtafel-keys.properties");
        Properties properties = new Properties();
        properties.setProperty("encryption.key.1", randomKey());
        properties.setProperty("pseudonym.key", randomKey());
        store(properties, file);

        assertThatIllegalStateException().isThrownBy(() -> KeyRing.openOrCreate(file))
                .withMessageContaining("encryption.active");
    }

    @Test
    void anActiveKeyThatIsNotInTheFileIsRefused() throws IOException {
        Path file = folder.resolve("zorgtafel-keys.properties");
        writeKeyFile(file, "2", randomKey(), "1", randomKey());

        assertThatIllegalStateException().isThrownBy(() -> KeyRing.openOrCreate(file))
                .withMessageContaining("'2'");
    }

    @Test
    void aKeyIdThatCiphertextCannotCarryIsRefused() throws IOException {
        Path file = folder.resolve("zorgtafel-keys.properties");
        writeKeyFile(file, "2025-rotation-key", randomKey(), "2025-rotation-key", randomKey());

        assertThatIllegalStateException().isThrownBy(() -> KeyRing.openOrCreate(file))
                .withMessageContaining("2025-rotation-key");
    }

    @Test
    void theLongestKeyIdThatCiphertextCanCarryWorks() throws IOException {
        Path file = folder.resolve("zorgtafel-keys.properties");
        writeKeyFile(file, "rotation.2025-1", randomKey(), "rotation.2025-1", randomKey());
        Cipher cipher = new Cipher(KeyRing.openOrCreate(file));

        assertThat(cipher.decrypt(cipher.encrypt(bytes("a concern")))).asString(StandardCharsets.UTF_8)
                .isEqualTo("a concern");
    }

    @Test
    void aKeyShorterThan256BitsIsRefused() throws IOException {
        Path file = folder.resolve("zorgtafel-keys.properties");
        writeKeyFile(file, "1", randomKey(), "1", Base64.getEncoder().encodeToString(new byte[16]));

        assertThatIllegalStateException().isThrownBy(() -> KeyRing.openOrCreate(file))
                .withMessageContaining("256 bits");
    }

    /** Writes a key file as an operator would: the active id, the pseudonym key, then id/key pairs. */
    private static void writeKeyFile(Path file, String active, String pseudonymKey, String... idsAndKeys)
            throws IOException {
        Properties properties = new Properties();
        properties.setProperty("encryption.active", active);
        properties.setProperty("pseudonym.key", pseudonymKey);
        for (int i = 0; i < idsAndKeys.length; i += 2) {
            properties.setProperty("encryption.key." + idsAndKeys[i], idsAndKeys[i + 1]);
        }
        store(properties, file);
    }

    private static void store(Properties properties, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
