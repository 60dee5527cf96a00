package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import javax.security.auth.login.Configuration;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.testing.StoryClock;
import nl.zorgtafel.core.internal.testing.UsersFileRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login brings the person's stored hash to the current parameters, through the
 * {@link Authenticator} and a realm that reads the users file as the distribution's does.
 */
class PasswordUpgradeTest {

    private static final String PASSWORD = "Zomer-aan-de-Maas-7";

    @TempDir
    Path etc;

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 5, 11));
    private Path usersFile;
    private Configuration previousRealm;
    private Authenticator authenticator;

    @BeforeEach
    void start() {
        usersFile = etc.resolve("zorgtafel-users.properties");
        previousRealm = UsersFileRealm.install(usersFile);
        authenticator = new Authenticator(new PartnerDirectory(),
                new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15)), clock, PasswordUpgrade.inUsersFileOf(etc));
    }

    @AfterEach
    void stop() {
        Configuration.setConfiguration(previousRealm);
    }

    @Test
    void aLoginWithAHashOfAnEarlierVersionWritesItAgainWithTheCurrentParameters() throws Exception {
        String other = "pvisser = {CRYPT}" + new Pbkdf2Encryption(210_000).encryptPassword("another-secret")
                + "{CRYPT},partner-ggz";
        Files.write(usersFile, List.of("sdejong = {CRYPT}" + new Pbkdf2Encryption(210_000).encryptPassword(PASSWORD)
                + "{CRYPT},coordinator", other));

        assertThat(authenticator.person("sdejong", PASSWORD.toCharArray())).isPresent();

        List<String> lines = Files.readAllLines(usersFile);
        assertThat(lines.get(0)).startsWith("sdejong = {CRYPT}pbkdf2-sha256$600000$").endsWith("{CRYPT},coordinator");
        assertThat(lines.get(1)).isEqualTo(other);
        assertThat(authenticator.person("sdejong", PASSWORD.toCharArray())).isPresent();
    }

    @Test
    void aKarafSha512HashIsReplacedAtTheNextLogin() throws Exception {
        String sha512 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512")
                .digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        Files.write(usersFile, List.of("sdejong = {CRYPT}" + sha512 + "{CRYPT},coordinator"));

        assertThat(authenticator.person("sdejong", PASSWORD.toCharArray())).isPresent();

        assertThat(Files.readString(usersFile)).doesNotContain(sha512).contains("{CRYPT}pbkdf2-sha256$600000$");
    }

    @Test
    void aCurrentHashAndARefusedLoginLeaveTheFileAsItIs() throws Exception {
        Files.write(usersFile, List.of("sdejong = {CRYPT}" + new Pbkdf2Encryption().encryptPassword(PASSWORD)
                + "{CRYPT},coordinator", "pvisser = {CRYPT}" + new Pbkdf2Encryption(210_000)
                .encryptPassword("another-secret") + "{CRYPT},partner-ggz"));
        byte[] before = Files.readAllBytes(usersFile);

        assertThat(authenticator.person("sdejong", PASSWORD.toCharArray())).isPresent();
        assertThat(authenticator.person("pvisser", "not-the-password".toCharArray())).isEmpty();

        assertThat(Files.readAllBytes(usersFile)).isEqualTo(before);
    }

    /** The memory of a Basic login is keyed by the header, not the hash: a re-hash leaves it valid. */
    @Test
    void aRememberedBasicLoginOutlivesTheRehashAndTheNextRealLoginChecksTheNewHash() throws Exception {
        Files.write(usersFile, List.of("sdejong = {CRYPT}" + new Pbkdf2Encryption(210_000).encryptPassword(PASSWORD)
                + "{CRYPT},coordinator"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("sdejong:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(authenticator.authenticate(basic, null, "10.0.0.7")).isPresent();
        String rehashed = Files.readString(usersFile);
        clock.advance(Duration.ofSeconds(Authenticator.REMEMBERED_SECONDS - 1));
        boolean remembered = authenticator.authenticate(basic, null, "10.0.0.7").isPresent();
        int askedWhileRemembered = UsersFileRealm.asked();
        clock.advance(Duration.ofSeconds(2));
        boolean again = authenticator.authenticate(basic, null, "10.0.0.7").isPresent();

        assertThat(rehashed).contains("{CRYPT}pbkdf2-sha256$600000$");
        assertThat(remembered).isTrue();
        assertThat(askedWhileRemembered).isEqualTo(1);
        assertThat(again).isTrue();
        assertThat(UsersFileRealm.asked()).isEqualTo(2);
        assertThat(Files.readString(usersFile)).isEqualTo(rehashed);
    }
}
