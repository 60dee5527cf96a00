package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A crash during the run: {@code kill -9} of the Karaf JVM (no shutdown of anything: the
 * database is left as a power cut leaves it), then {@code bin/start} at once, and the time
 * until {@code GET /api/v1/health} answers UP again.
 */
final class CrashScenario {

    /** What the crash did. Times on the driver's nanosecond clock; -1 where it did not get that far. */
    record Result(Duration plannedAt, long pid, long killNanos, long startIssuedNanos, long healthUpNanos,
                  String problem) {

        long recoveryMillis() {
            return healthUpNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(healthUpNanos - killNanos);
        }

        long startToUpMillis() {
            return healthUpNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(healthUpNanos - startIssuedNanos);
        }
    }

    private final KarafControl karaf;
    private final PlatformClient platform;
    private final Duration patience;

    CrashScenario(KarafControl karaf, PlatformClient platform, Duration patience) {
        this.karaf = karaf;
        this.platform = platform;
        this.patience = patience;
    }

    Result run(Duration plannedAt) {
        Optional<ProcessHandle> process = karaf.karafProcess();
        if (process.isEmpty()) {
            return new Result(plannedAt, -1, -1, -1, -1, "no Karaf process of " + karaf.home() + " found");
        }
        long kill = System.nanoTime();
        long pid;
        try {
            pid = karaf.kill9(process.get());
        } catch (IOException e) {
            return new Result(plannedAt, process.get().pid(), kill, -1, -1, e.getMessage());
        }
        long startIssued = System.nanoTime();
        try {
            KarafControl.CommandResult start = karaf.start();
            if (start.exitCode() != 0) {
                return new Result(plannedAt, pid, kill, startIssued, -1, "bin/start failed: " + start.output());
            }
        } catch (IOException e) {
            return new Result(plannedAt, pid, kill, startIssued, -1, "bin/start failed: " + e.getMessage());
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (platform.healthUp()) {
                return new Result(plannedAt, pid, kill, startIssued, System.nanoTime(), null);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return new Result(plannedAt, pid, kill, startIssued, -1,
                "health not UP within " + patience.toSeconds() + " s of the kill");
    }
}
