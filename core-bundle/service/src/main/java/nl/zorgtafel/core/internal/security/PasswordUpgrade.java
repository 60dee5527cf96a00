package nl.zorgtafel.core.internal.security;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a person's stored password to the current hashing when they log in: the only moment
 * the platform holds the password itself. A hash with older parameters (fewer PBKDF2
 * iterations, Karaf's unsalted SHA-512) or a password still in plain text is written again in
 * {@code etc/zorgtafel-users.properties} as {@link UsersFileHasher} writes every hash; a
 * current one costs a read of the file and nothing more. A failure is logged and the login
 * stands: the old hash keeps working, and the next login tries again.
 */
public final class PasswordUpgrade {

    /** For a realm that is not the users file (tests): nothing is written. */
    public static final PasswordUpgrade NONE = new PasswordUpgrade(null);

    private static final Logger LOG = LoggerFactory.getLogger(PasswordUpgrade.class);

    private final Path usersFile;
    private final UsersFileHasher hasher = new UsersFileHasher(new Pbkdf2Encryption());

    private PasswordUpgrade(Path usersFile) {
        this.usersFile = usersFile;
    }

    /** The upgrade of the realm's users file in {@code etc}. */
    public static PasswordUpgrade inUsersFileOf(Path etc) {
        return new PasswordUpgrade(etc.resolve(ZorgtafelRealm.USERS_FILE));
    }

    /** Called once the realm accepted {@code password} for {@code name}. */
    void accepted(String name, char[] password) {
        if (usersFile == null) {
            return;
        }
        try {
            if (hasher.rehash(usersFile, name, new String(password))) {
                LOG.info("The password of a person was hashed again with the current parameters");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("A password could not be hashed again ({}); the next login tries again",
                    e.getClass().getSimpleName());
        }
    }
}
