package nl.zorgtafel.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Lock-out after repeated failed logins: a user name that failed {@code maxFailuresPerName}
 * times in a row, or a source address that failed {@code maxFailuresPerSource} times, is
 * refused for {@code lockDuration} — with the same answer as a wrong password, whether the
 * user exists or not, so the lock reveals nothing. A success clears the name's count.
 *
 * <p>Kept in memory per node: a restart forgets the counts (documented).
 */
public final class LoginThrottle {

    private final Clock clock;
    private final int maxFailuresPerName;
    private final int maxFailuresPerSource;
    private final Duration lockDuration;
    private final Map<String, Counter> names = new ConcurrentHashMap<>();
    private final Map<String, Counter> sources = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> onLockout = (kind, key) -> { };

    private record Counter(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    public LoginThrottle(Clock clock, int maxFailuresPerName, int maxFailuresPerSource, Duration lockDuration) {
        this.clock = clock;
        this.maxFailuresPerName = Math.max(1, maxFailuresPerName);
        // 0: no lock per source (behind a reverse proxy every person shares its address)
        this.maxFailuresPerSource = Math.max(0, maxFailuresPerSource);
        this.lockDuration = lockDuration;
    }

    /** Told {@code ("name", userName)} or {@code ("source", address)} when a lock-out starts. */
    public void onLockout(BiConsumer<String, String> listener) {
        this.onLockout = listener;
    }

    /** Whether a login with this name from this source is refused without looking at the password. */
    public boolean locked(String name, String source) {
        Instant now = clock.instant();
        return lockedNow(names.get(key(name)), now) || lockedNow(sources.get(source), now);
    }

    public void failed(String name, String source) {
        count(names, key(name), maxFailuresPerName, "name", name);
        if (source != null && maxFailuresPerSource > 0) {
            count(sources, source, maxFailuresPerSource, "source", source);
        }
        if (names.size() + sources.size() > 100_000) {
            forgetStale();
        }
    }

    public void succeeded(String name) {
        names.remove(key(name));
    }

    private void count(Map<String, Counter> counters, String key, int max, String kind, String shown) {
        Instant now = clock.instant();
        Counter after = counters.compute(key, (k, before) -> {
            int failures = before == null || stale(before, now) ? 1 : before.failures() + 1;
            Instant lockedUntil = failures >= max ? now.plus(lockDuration) : null;
            return new Counter(failures, lockedUntil, now);
        });
        if (after.failures() == max) {
            onLockout.accept(kind, shown);
        }
    }

    private boolean stale(Counter counter, Instant now) {
        // a lock that ran out starts the count again; so do failures long ago
        return counter.lockedUntil() != null && !now.isBefore(counter.lockedUntil())
                || counter.lastFailure().plus(lockDuration).isBefore(now);
    }

    private static boolean lockedNow(Counter counter, Instant now) {
        return counter != null && counter.lockedUntil() != null && now.isBefore(counter.lockedUntil());
    }

    private void forgetStale() {
        Instant now = clock.instant();
        names.values().removeIf(counter -> stale(counter, now));
        sources.values().removeIf(counter -> stale(counter, now));
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
