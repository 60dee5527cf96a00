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
        String stored = lines.get(1).substring(lines.get(1).indexOf("{CRYPT}") + 7, lines.get(1).lastIndexOf("{CRYPT}"));
        assertThat(encryption.checkPassword("change-me-now", stored)).isTrue();
        assertThat(new UsersFileHasher(encryption).hash(file)).isZero();
    }
}
