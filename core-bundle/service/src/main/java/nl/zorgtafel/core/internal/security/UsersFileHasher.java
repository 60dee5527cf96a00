package nl.zorgtafel.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.karaf.jaas.modules.Encryption;

/**
 * Hashes the plain-text passwords of a users file ({@code name = password,role,...}) at
 * once, before the realm answers its first login: Karaf's own hashing runs a moment later on
 * a file watcher, and a login in that moment was refused. Comments, groups ({@code _g_\:…})
 * and hashed passwords are left as they are; the file is replaced atomically.
 */
final class UsersFileHasher {

    private static final Pattern USER_LINE = Pattern.compile("^(\\s*[^#!\\s][^=:]*?\\s*[=:]\\s*)([^,]*)(.*)$");
    static final String PREFIX = "{CRYPT}";
    static final String SUFFIX = "{CRYPT}";

    private final Encryption encryption;

    UsersFileHasher(Encryption encryption) {
        this.encryption = encryption;
    }

    /** Hashes every plain-text password in the file; returns how many. */
    int hash(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String> hashed = new ArrayList<>(lines.size());
        int changed = 0;
        for (String line : lines) {
            Matcher user = USER_LINE.matcher(line);
            if (line.strip().startsWith("_g_") || !user.matches() || user.group(2).isBlank()
                    || user.group(2).strip().startsWith(PREFIX)) {
                hashed.add(line);
                continue;
            }
            hashed.add(user.group(1) + PREFIX + encryption.encryptPassword(user.group(2).strip()) + SUFFIX
                    + user.group(3));
            changed++;
        }
        if (changed > 0) {
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".users", ".tmp");
            Files.write(temporary, hashed, StandardCharsets.ISO_8859_1);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return changed;
    }
}
