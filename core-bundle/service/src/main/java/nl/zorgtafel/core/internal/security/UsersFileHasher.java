package nl.zorgtafel.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.karaf.jaas.modules.Encryption;

/**
 * Writes the passwords of a users file ({@code name = password,role,...}) as hashes. At start,
 * before the realm answers its first login, every plain-text password is hashed: Karaf's own
 * hashing runs a moment later on a file watcher, and a login in that moment was refused. At a
 * person's login, their password is hashed again when its stored hash has older parameters
 * ({@link Pbkdf2Encryption#isCurrent}). Comments, groups ({@code _g_\:…}) and other people's
 * lines are left as they are; the file is replaced atomically.
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
    synchronized int hash(Path file) throws IOException {
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
            hashed.add(withHash(user, encryption.encryptPassword(unescaped(user.group(2).strip()))));
            changed++;
        }
        if (changed > 0) {
            replace(file, hashed);
        }
        return changed;
    }

    /**
     * Hashes the password of {@code name} again with the current parameters, if its stored one
     * has older ones and still matches {@code password} (the realm has just accepted it, but the
     * file may have changed since). The slow hashing runs before the file is read for writing,
     * so that an operator's edit in that time is not overwritten: a line that changed meanwhile
     * is left alone.
     *
     * @return whether the file was written
     */
    synchronized boolean rehash(Path file, String name, String password) throws IOException {
        Optional<String> stored = storedPassword(file, name);
        String hashed = stored.map(UsersFileHasher::unescaped).map(UsersFileHasher::withoutMarks).orElse(null);
        if (hashed == null || Pbkdf2Encryption.isCurrent(hashed) || !encryption.checkPassword(password, hashed)) {
            return false;
        }
        String hash = encryption.encryptPassword(password);
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            Matcher user = userLine(lines.get(i), name);
            if (user != null) {
                if (!user.group(2).strip().equals(stored.get())) {
                    return false;
                }
                lines.set(i, withHash(user, hash));
                replace(file, lines);
                return true;
            }
        }
        return false;
    }

    /** The password field of {@code name}'s line, as written (hash marks included). */
    private static Optional<String> storedPassword(Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            Matcher user = userLine(line, name);
            if (user != null) {
                return user.group(2).isBlank() ? Optional.empty() : Optional.of(user.group(2).strip());
            }
        }
        return Optional.empty();
    }

    /** The line's match when it is {@code name}'s (a key's backslash escapes read as the character). */
    private static Matcher userLine(String line, String name) {
        Matcher user = USER_LINE.matcher(line);
        if (line.strip().startsWith("_g_") || !user.matches()) {
            return null;
        }
        String key = user.group(1).strip();
        return unescaped(key.substring(0, key.length() - 1).strip()).equals(name) ? user : null;
    }

    /**
     * A key or value as a properties file means it: a unicode escape reads as its character, a
     * backslash before any other character as that character. Karaf reads the file so, and a
     * file written by {@code java.util.Properties} escapes the {@code =} of a base64 hash.
     */
    static String unescaped(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                plain.append(c);
            } else if (text.charAt(i + 1) == 'u' && i + 5 < text.length()
                    && text.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                plain.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                plain.append(text.charAt(++i));
            }
        }
        return plain.toString();
    }

    private static String withHash(Matcher user, String hash) {
        return user.group(1) + PREFIX + hash + SUFFIX + user.group(3);
    }

    private static String withoutMarks(String stored) {
        return stored.startsWith(PREFIX) && stored.endsWith(SUFFIX) && stored.length() >= PREFIX.length() + SUFFIX.length()
                ? stored.substring(PREFIX.length(), stored.length() - SUFFIX.length()) : stored;
    }

    private static void replace(Path file, List<String> lines) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".users", ".tmp");
        Files.write(temporary, lines, StandardCharsets.ISO_8859_1);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
