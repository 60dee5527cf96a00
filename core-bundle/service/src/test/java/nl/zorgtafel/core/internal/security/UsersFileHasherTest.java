package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileHasherTest {

    @TempDir
    Path folder;

    @Test
    void plainPasswordsAreHashedAndEverythingElseStays() throws Exception {
        Path file = folder.resolve("zorgtafel-users.properties");
        Files.write(file, List.of("# people", "sdejong = change-me-now,coordinator",
                "pvisser=another-secret,partner-ggz,operator", "ops1 = {CRYPT}pbkdf2-sha256$1$a$b{CRYPT},operator",
                "_g_\\:admins = group,admin", ""));
        Pbkdf2Encryption encryption = new Pbkdf2Encryption();

        int hashed = new UsersFileHasher(encryption).hash(file);

        List<String> lines = Files.readAllLines(file);
        assertThat(hashed).isEqualTo(2);
        assertThat(String.join("\n", lines)).doesNotContain("change-me-now").doesNotContain("another-secret");
        assertThat(lines.get(0)).isEqualTo("# people");
        assertThat(lines.get(1)).startsWith("sdejong = {CRYPT}pbkdf2-sha256$").endsWith("{CRYPT},coordinator");
        assertThat(lines.get(2)).startsWith("pvisser={CRYPT}pbkdf2-sha256$").endsWith("{CRYPT},partner-ggz,operator");
        assertThat(lines.get(3)).isEqualTo("ops1 = {CRYPT}pbkdf2-sha256$1$a$b{CRYPT},operator");
        assertThat(lines.get(4)).isEqualTo("_g_\\:admins = group,admin");
        assertThat(encryption.checkPassword("change-me-now", stored(lines.get(1)))).isTrue();
        assertThat(new UsersFileHasher(encryption).hash(file)).isZero();
    }

    @Test
    void aRehashWritesOnlyThatPersonsLineAndOnlyWhenItsHashIsOlder() throws Exception {
        Pbkdf2Encryption earlier = new Pbkdf2Encryption(1_000);
        Path file = folder.resolve("zorgtafel-users.properties");
        String other = "pvisser = {CRYPT}" + earlier.encryptPassword("another-secret") + "{CRYPT},partner-ggz";
        Files.write(file, List.of("# people", "sdejong = {CRYPT}" + earlier.encryptPassword("change-me-now")
                + "{CRYPT},coordinator,operator", other));
        UsersFileHasher hasher = new UsersFileHasher(new Pbkdf2Encryption());

        boolean first = hasher.rehash(file, "sdejong", "change-me-now");
        List<String> afterFirst = Files.readAllLines(file);
        boolean second = hasher.rehash(file, "sdejong", "change-me-now");

        assertThat(first).isTrue();
        assertThat(afterFirst.get(0)).isEqualTo("# people");
        assertThat(afterFirst.get(1)).startsWith("sdejong = {CRYPT}pbkdf2-sha256$600000$")
                .endsWith("{CRYPT},coordinator,operator");
        assertThat(afterFirst.get(2)).isEqualTo(other);
        assertThat(new Pbkdf2Encryption().checkPassword("change-me-now", stored(afterFirst.get(1)))).isTrue();
        assertThat(second).isFalse();
        assertThat(Files.readAllLines(file)).isEqualTo(afterFirst);
    }

    @Test
    void aPasswordThatNoLongerMatchesTheFileIsNotWritten() throws Exception {
        Path file = folder.resolve("zorgtafel-users.properties");
        // the operator set a new password after the realm accepted the old one
        List<String> lines = List.of("sdejong = {CRYPT}" + new Pbkdf2Encryption(1_000).encryptPassword("new-password")
                + "{CRYPT},coordinator");
        Files.write(file, lines);

        boolean written = new UsersFileHasher(new Pbkdf2Encryption()).rehash(file, "sdejong", "old-password");

        assertThat(written).isFalse();
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
    }

    @Test
    void anUnknownNameOrAMissingFileWritesNothing() throws Exception {
        Path file = folder.resolve("zorgtafel-users.properties");
        List<String> lines = List.of("_g_\\:admins = group,admin", "pvisser = {CRYPT}"
                + new Pbkdf2Encryption(1_000).encryptPassword("another-secret") + "{CRYPT},partner-ggz");
        Files.write(file, lines);
        UsersFileHasher hasher = new UsersFileHasher(new Pbkdf2Encryption());

        assertThat(hasher.rehash(file, "sdejong", "another-secret")).isFalse();
        assertThat(hasher.rehash(file, "_g_:admins", "group")).isFalse();
        assertThat(hasher.rehash(folder.resolve("absent.properties"), "pvisser", "another-secret")).isFalse();
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
    }

    /** Pax Exam and other tools write the file with java.util.Properties, which escapes '=' and ':'. */
    @Test
    void aFileWrittenWithEscapesIsReadAsKarafReadsIt() throws Exception {
        Path file = folder.resolve("zorgtafel-users.properties");
        java.util.Properties written = new java.util.Properties();
        written.setProperty("sdejong", "{CRYPT}" + new Pbkdf2Encryption(1_000).encryptPassword("change-me-now")
                + "{CRYPT},coordinator");
        written.setProperty("pvisser", "pass=word:1,partner-ggz");
        try (var out = Files.newOutputStream(file)) {
            written.store(out, null);
        }
        Pbkdf2Encryption encryption = new Pbkdf2Encryption();
        UsersFileHasher hasher = new UsersFileHasher(encryption);

        int hashed = hasher.hash(file);
        boolean rehashed = hasher.rehash(file, "sdejong", "change-me-now");

        assertThat(hashed).isEqualTo(1);
        assertThat(rehashed).isTrue();
        java.util.Properties read = new java.util.Properties();
        try (var in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertThat(encryption.checkPassword("pass=word:1", stored(read.getProperty("pvisser")))).isTrue();
        assertThat(read.getProperty("sdejong")).startsWith("{CRYPT}pbkdf2-sha256$600000$");
        assertThat(encryption.checkPassword("change-me-now", stored(read.getProperty("sdejong")))).isTrue();
    }

    private static String stored(String line) {
        return line.substring(line.indexOf("{CRYPT}") + 7, line.lastIndexOf("{CRYPT}"));
    }
}
