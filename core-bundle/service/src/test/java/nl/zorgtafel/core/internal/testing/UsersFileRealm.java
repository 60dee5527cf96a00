package nl.zorgtafel.core.internal.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginException;
import nl.zorgtafel.core.internal.security.Pbkdf2Encryption;

/**
 * A JAAS realm {@code zorgtafel} for tests, outside Karaf, that works as the distribution's
 * does: it reads a users file ({@code name = {CRYPT}hash{CRYPT},role,...}) at every login and
 * checks the password with {@link Pbkdf2Encryption}. It counts the logins it was asked for, so
 * that a test sees when a login was answered from memory instead. {@link #install(Path)} puts it
 * in place and returns what to restore.
 */
public final class UsersFileRealm extends RealmModule {

    private static final String MARK = "{CRYPT}";
    private static final AtomicInteger ASKED = new AtomicInteger();
    private static volatile Path usersFile;

    /** Installs the realm over {@code file} as the JVM's JAAS configuration; returns the one it replaced. */
    public static Configuration install(Path file) {
        usersFile = file;
        ASKED.set(0);
        return install(UsersFileRealm.class);
    }

    /** How many logins the realm was asked for since it was installed. */
    public static int asked() {
        return ASKED.get();
    }

    @Override
    List<String> rolesOf(String name, String password) throws LoginException {
        ASKED.incrementAndGet();
        Properties users = new Properties();
        try (Reader in = Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
            users.load(in);
        } catch (IOException e) {
            throw new LoginException("no users");
        }
        String line = users.getProperty(name);
        if (line == null) {
            return List.of();
        }
        List<String> fields = Arrays.stream(line.split(",")).map(String::strip).toList();
        String stored = fields.get(0);
        if (stored.startsWith(MARK) && stored.endsWith(MARK) && stored.length() > 2 * MARK.length()) {
            stored = stored.substring(MARK.length(), stored.length() - MARK.length());
        }
        return new Pbkdf2Encryption().checkPassword(password, stored) ? fields.subList(1, fields.size()) : List.of();
    }
}
