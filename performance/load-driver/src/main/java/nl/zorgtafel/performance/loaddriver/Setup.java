package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares a distribution for a run, through its {@code etc/} files as an operator would:
 * a fresh bearer token per partner (only its SHA-256 in {@code nl.zorgtafel.partner-<id>.cfg}),
 * each partner's {@code outboundUrl} pointing at its fake endpoint (MEE keeps an
 * {@code outboundDirectory}, a folder of the run), a person {@code loaddriver} with the roles
 * coordinator and operator in {@code zorgtafel-users.properties}, the driver's SSH key in
 * {@code keys.properties}, and, if asked, the ports.
 */
final class Setup {

    /** What the driver needs to act as the partners and as its own person. */
    record Credentials(Map<String, String> tokens, String user, String password, Path sshKey) {
    }

    static final String USER = "loaddriver";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path home;

    Setup(Path home) {
        this.home = home;
    }

    /** The driver's own folder inside the distribution: its SSH key, MEE's outbox of each run, the floor. */
    Path workDirectory() throws IOException {
        return Files.createDirectories(home.resolve("data").resolve("load-driver"));
    }

    int httpPort() throws IOException {
        return Integer.parseInt(property(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port",
                "8181"));
    }

    int sshPort() throws IOException {
        return Integer.parseInt(property(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", "8101"));
    }

    /** Writes the ports named (http, ssh, rmi-registry, rmi-server) into their etc/ files. */
    List<String> writePorts(Map<String, Integer> ports) throws IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            String[] target = switch (port.getKey()) {
                case "http" -> new String[] {"etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port"};
                case "ssh" -> new String[] {"etc/org.apache.karaf.shell.cfg", "sshPort"};
                case "rmi-registry" -> new String[] {"etc/org.apache.karaf.management.cfg", "rmiRegistryPort"};
                case "rmi-server" -> new String[] {"etc/org.apache.karaf.management.cfg", "rmiServerPort"};
                default -> throw new IllegalArgumentException("unknown port " + port.getKey());
            };
            setProperty(home.resolve(target[0]), target[1], Integer.toString(port.getValue()));
            written.add(target[0] + ": " + target[1] + " = " + port.getValue());
        }
        return written;
    }

    /**
     * Writes the core settings of a load run into {@code etc/nl.zorgtafel.core.cfg}: the rate
     * limit off ({@code rateLimitPerSecond = 0}: the run measures the platform, not its limit
     * of 200 requests per second per partner) and, when given, {@code processingPatienceMillis}.
     * Returns false when the file held these values already (then nothing is written and the
     * core does not restart).
     */
    boolean writeCoreSettings(Integer processingPatienceMillis) throws IOException {
        Path file = home.resolve("etc/nl.zorgtafel.core.cfg");
        if (!Files.exists(file)) {
            Files.writeString(file, "# Zorgtafel core settings (see the operator guide)\n", StandardCharsets.UTF_8);
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("rateLimitPerSecond", "0");
        if (processingPatienceMillis != null) {
            wanted.put("processingPatienceMillis", Integer.toString(processingPatienceMillis));
        }
        boolean changed = false;
        for (Map.Entry<String, String> setting : wanted.entrySet()) {
            if (!setting.getValue().equals(property(file, setting.getKey(), null))) {
                setProperty(file, setting.getKey(), setting.getValue());
                changed = true;
            }
        }
        return changed;
    }

    /** The core's processingPatienceMillis as configured, or "10000 (default)". */
    String processingPatience() throws IOException {
        Path file = home.resolve("etc/nl.zorgtafel.core.cfg");
        return Files.exists(file) ? property(file, "processingPatienceMillis", "10000 (default)") : "10000 (default)";
    }

    /**
     * Writes every partner's configuration and the driver's person; returns the secrets,
     * which are kept in memory only.
     *
     * @param outboundUrls partner id to its fake endpoint; a partner without one gets {@code outboundDirectory}
     * @param outboundDirectories partner id to the folder its notification files go to
     */
    Credentials configure(Map<String, String> outboundUrls, Map<String, Path> outboundDirectories)
            throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String partner : MessageMix.PARTNERS) {
            String token = secret();
            tokens.put(partner, token);
            StringBuilder cfg = new StringBuilder();
            cfg.append("# Written by the Zorgtafel load driver for a load run; replace before any other use.\n")
                    .append("partnerId = ").append(partner).append('\n')
                    .append("enabled = true\n")
                    .append("tokenSha256 = ").append(sha256Hex(token)).append('\n');
            if (outboundUrls.containsKey(partner)) {
                cfg.append("outboundUrl = ").append(outboundUrls.get(partner)).append('\n');
            } else if (outboundDirectories.containsKey(partner)) {
                cfg.append("outboundUrl =\n")
                        .append("outboundDirectory = ").append(outboundDirectories.get(partner)).append('\n');
            }
            writeAtomically(home.resolve("etc").resolve("nl.zorgtafel.partner-" + partner + ".cfg"), cfg.toString());
        }
        String password = secret();
        Path users = home.resolve("etc/zorgtafel-users.properties");
        replaceLine(users, USER, USER + " = " + password + ",coordinator,operator");
        Path key = sshKey();
        String publicKey = Files.readString(key.resolveSibling(key.getFileName() + ".pub")).strip().split("\\s+")[1];
        replaceLine(home.resolve("etc/keys.properties"), KarafControl.SSH_USER,
                KarafControl.SSH_USER + "=" + publicKey + ",_g_:admingroup");
        return new Credentials(tokens, USER, password, key);
    }

    /** The driver's RSA key (Karaf's SSH refuses Ed25519), made with {@code ssh-keygen} once. */
    Path sshKey() throws IOException {
        Path directory = Files.createDirectories(workDirectory().resolve("ssh"));
        Path key = directory.resolve("id_rsa");
        if (!Files.exists(key)) {
            try {
                Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-C",
                        KarafControl.SSH_USER, "-f", key.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (keygen.waitFor() != 0) {
                    throw new IOException("ssh-keygen failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making the SSH key", e);
            }
        }
        return key;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Replaces the lines that define {@code name} (as {@code name=} or {@code name =}) by one
     * line, rewriting the file in place.
     */
    static void replaceLine(Path file, String name, String line) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        Pattern own = Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s*=.*$");
        lines.removeIf(existing -> own.matcher(existing).matches());
        lines.add(line);
        // in place, not by rename: the realm hashes new passwords (and only then accepts them) when it sees
        // the file modified; a file replaced by a rename is not noticed, and its plain password never logs in
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Sets {@code key = value}, replacing its line (commented or not is left alone) or adding one. */
    static void setProperty(Path file, String key, String value) throws IOException {
        String text = Files.readString(file);
        Pattern pattern = Pattern.compile("^(\\s*" + Pattern.quote(key) + "\\s*=).*$", Pattern.MULTILINE);
        Matcher matcher = pattern.matcher(text);
        String updated = matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(key + " = " + value))
                : text + (text.endsWith("\n") ? "" : "\n") + key + " = " + value + "\n";
        writeAtomically(file, updated);
    }

    static String property(Path file, String key, String fallback) throws IOException {
        Pattern pattern = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*=\\s*(\\S+)\\s*$", Pattern.MULTILINE);
        Matcher matcher = pattern.matcher(Files.readString(file));
        return matcher.find() ? matcher.group(1) : fallback;
    }

    /** Written beside the target under a name FileInstall ignores, then renamed onto it. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".load-driver.tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
