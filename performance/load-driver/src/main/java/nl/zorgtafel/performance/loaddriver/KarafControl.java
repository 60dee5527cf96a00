package nl.zorgtafel.performance.loaddriver;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Drives the distribution from outside, as an operator would: Karaf shell commands over
 * SSH with the driver's key (the system {@code ssh} client, no terminal), {@code bin/start}
 * and {@code bin/stop}, and {@code kill -9} of the Karaf JVM, found in the process list by
 * its {@code karaf.home}.
 */
final class KarafControl {

    /** One shell command and what it answered. */
    record CommandResult(String command, int exitCode, String output, long millis) {
        boolean failed() {
            return exitCode != 0 || output.contains("Error executing command");
        }
    }

    static final String SSH_USER = "loaddriver";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private final Path home;
    private final int sshPort;
    private final Path key;

    KarafControl(Path home, int sshPort, Path key) {
        this.home = home;
        this.sshPort = sshPort;
        this.key = key;
    }

    Path home() {
        return home;
    }

    /** Runs one Karaf shell command over SSH. */
    CommandResult shell(String command, Duration timeout) throws IOException {
        List<String> ssh = List.of("ssh", "-i", key.toString(), "-p", Integer.toString(sshPort),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", SSH_USER + "@127.0.0.1", command);
        return run(ssh, command, timeout);
    }

    /**
     * Runs a shell command, trying again while the shell refuses the key or the connection
     * (right after a start it can, for a moment).
     */
    CommandResult shellWhenReady(String command, Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        CommandResult result;
        do {
            result = shell(command, Duration.ofSeconds(60));
            boolean refused = result.exitCode() == 255;
            if (!refused) {
                return result;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        } while (System.nanoTime() < deadline);
        return result;
    }

    /**
     * Every bundle with its id, state, last modification and the ids of the services it
     * registered (a Gogo script: {@code bundle:list} shows neither of the last two), to tell
     * an untouched bundle from one that was refreshed or restarted.
     */
    BundleSnapshot snapshot() throws IOException {
        String script = "each ($.context bundles) { b = $it ; ids = \"\" ; rs = ($b registeredServices) ; "
                + "if { $rs } { each $rs { sid = ($it property service.id) ; ids = \"$ids,$sid\" } } ; "
                + "echo \"BND\" ($b bundleId) ($b state) ($b lastModified) ($b symbolicName) \"S$ids\" }";
        CommandResult bundles = shellWhenReady(script, Duration.ofSeconds(30));
        CommandResult list = shellWhenReady("bundle:list -t 0", Duration.ofSeconds(30));
        if (bundles.failed() || list.failed()) {
            throw new IOException("cannot list the bundles: " + firstLine(bundles.failed() ? bundles : list));
        }
        return BundleSnapshot.parse(bundles.output(), list.output());
    }

    /** The Karaf JVM of this home: {@code karaf.pid} if it names a live Karaf, else the process list. */
    Optional<ProcessHandle> karafProcess() {
        Path pidFile = home.resolve("karaf.pid");
        if (Files.isRegularFile(pidFile)) {
            try {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(this::isOurKaraf);
                if (process.isPresent()) {
                    return process;
                }
            } catch (IOException | NumberFormatException ignored) {
                // fall back to the process list
            }
        }
        return ProcessHandle.allProcesses().filter(this::isOurKaraf).findFirst();
    }

    private boolean isOurKaraf(ProcessHandle process) {
        Optional<String> commandLine = process.info().commandLine();
        if (commandLine.isEmpty()) {
            return false;
        }
        String line = commandLine.get();
        return line.contains("org.apache.karaf.main.Main")
                && (line.contains("-Dkaraf.home=" + home + " ") || line.contains("-Dkaraf.home=" + home + "/ ")
                || line.endsWith("-Dkaraf.home=" + home));
    }

    /** {@code kill -9} of the Karaf JVM; returns once it is gone. */
    long kill9(ProcessHandle process) throws IOException {
        CommandResult kill = run(List.of("kill", "-9", Long.toString(process.pid())), "kill -9",
                Duration.ofSeconds(10));
        if (kill.exitCode() != 0) {
            throw new IOException("kill -9 " + process.pid() + " failed: " + kill.output());
        }
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the Karaf JVM did not die after kill -9", e);
        }
        return process.pid();
    }

    /** {@code bin/start}: Karaf in the background. */
    CommandResult start() throws IOException {
        return run(List.of(home.resolve("bin").resolve("start").toString()), "bin/start", Duration.ofSeconds(60));
    }

    CommandResult stop() throws IOException {
        return run(List.of(home.resolve("bin").resolve("stop").toString()), "bin/stop", Duration.ofSeconds(120));
    }

    private CommandResult run(List<String> command, String label, Duration timeout) throws IOException {
        long started = System.nanoTime();
        Path output = Files.createTempFile("load-driver-command", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .directory(home.toFile())
                    .start();
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly();
                return new CommandResult(label, -1, "timed out after " + timeout.toSeconds() + " s",
                        elapsedMillis(started));
            }
            String text = ANSI.matcher(Files.readString(output, StandardCharsets.UTF_8)).replaceAll("");
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\\R")) {
                if (!line.startsWith("Connection to 127.0.0.1 closed")) {
                    lines.add(line);
                }
            }
            return new CommandResult(label, process.exitValue(), String.join("\n", lines).strip(),
                    elapsedMillis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + label, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static String firstLine(CommandResult result) {
        String output = result.output();
        int newline = output.indexOf('\n');
        return newline < 0 ? output : output.substring(0, newline);
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
