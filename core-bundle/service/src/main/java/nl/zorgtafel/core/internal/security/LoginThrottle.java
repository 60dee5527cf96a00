package nl.zorgtafel.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lock-out after repeated failed logins: a user name that failed {@code maxFailuresPerName}
 * times in a row, or a source address that failed {@code maxFailuresPerSource} times, is
 * refused for {@code lockDuration} — with the same answer as a wrong password, whether the
 * user exists or not, so the lock reveals nothing. A success clears the name's count.
 *
 * <p>The counts are kept in memory, so that a check costs no I/O (a remembered login is
 * checked on every request), and written through to a {@link Ledger} at each failure and at
 * the success that clears one, so that a restart keeps them: a throttle starts from what the
 * ledger kept. A name or an address is counted under its subject, {@code name:<name>} or
 * {@code source:<address>} turned into a pseudonym (in the core: keyed HMAC), so the ledger
 * never holds either in clear. Each node counts the failures it sees and takes up the counts
 * of the others at its next start. A ledger that cannot be written costs no login: the count
 * goes on in memory.
 */
public final class LoginThrottle {

    /** The purpose the core's subjects are pseudonyms for. */
    public static final String PSEUDONYM_PURPOSE = "login-throttle";

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEPT = 100_000;

    /**
     * A subject's failed logins in a row.
     *
     * @param lockedUntil the end of its lock-out, or {@code null} while it is not locked
     */
    public record Count(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    /** Where the counts outlive a restart, by subject. */
    public interface Ledger {

        /** The counts that still matter: locked beyond {@code now}, or failed at or after {@code since}. */
        Map<String, Count> recall(Instant since, Instant now);

        /** Keeps a subject's count, in place of what was kept for it. */
        void keep(String subject, Count count);

        void forget(String subject);

        /** Lets go of the counts that no longer matter (see {@link #recall}). */
        void forgetStale(Instant since, Instant now);
    }

    /** A ledger that keeps nothing: a restart forgets every count. */
    public static final Ledger NOWHERE = new Ledger() {
        @Override
        public Map<String, Count> recall(Instant since, Instant now) {
            return Map.of();
        }

        @Override
        public void keep(String subject, Count count) {
        }

        @Override
        public void forget(String subject) {
        }

        @Override
        public void forgetStale(Instant since, Instant now) {
        }
    };

    private final Clock clock;
    private final int maxFailuresPerName;
    private final int maxFailuresPerSource;
    private final Duration lockDuration;
    private final Ledger ledger;
    private final UnaryOperator<String> pseudonym;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> onLockout = (kind, key) -> { };

    /** A throttle whose counts live in memory only, under the names and addresses themselves. */
    public LoginThrottle(Clock clock, int maxFailuresPerName, int maxFailuresPerSource, Duration lockDuration) {
        this(clock, maxFailuresPerName, maxFailuresPerSource, lockDuration, NOWHERE, UnaryOperator.identity());
    }

    /**
     * A throttle that takes up the counts its ledger kept and keeps each change there.
     *
     * @param pseudonym turns {@code name:<name>} or {@code source:<address>} into the subject
     *     a count is kept under
     */
    public LoginThrottle(Clock clock, int maxFailuresPerName, int maxFailuresPerSource, Duration lockDuration,
                         Ledger ledger, UnaryOperator<String> pseudonym) {
        this.clock = clock;
        this.maxFailuresPerName = Math.max(1, maxFailuresPerName);
        // 0: no lock per source (behind a reverse proxy every person shares its address)
        this.maxFailuresPerSource = Math.max(0, maxFailuresPerSource);
        this.lockDuration = lockDuration;
        this.ledger = ledger;
        this.pseudonym = pseudonym;
        Instant now = clock.instant();
        inLedger("take up the kept counts", () -> {
            ledger.forgetStale(now.minus(lockDuration), now);
            counts.putAll(ledger.recall(now.minus(lockDuration), now));
        });
    }

    /** Told {@code ("name", userName)} or {@code ("source", address)} when a lock-out starts. */
    public void onLockout(BiConsumer<String, String> listener) {
        this.onLockout = listener;
    }

    /** Whether a login with this name from this source is refused without looking at the password. */
    public boolean locked(String name, String source) {
        if (counts.isEmpty()) {
            // nobody failed lately: no pseudonym to compute
            return false;
        }
        Instant now = clock.instant();
        return lockedNow(counts.get(nameSubject(name)), now)
                || source != null && lockedNow(counts.get(sourceSubject(source)), now);
    }

    public void failed(String name, String source) {
        count(nameSubject(name), maxFailuresPerName, "name", name);
        if (source != null && maxFailuresPerSource > 0) {
            count(sourceSubject(source), maxFailuresPerSource, "source", source);
        }
        if (counts.size() > MAX_KEPT) {
            forgetStale();
        }
    }

    public void succeeded(String name) {
        if (counts.isEmpty()) {
            return;
        }
        String subject = nameSubject(name);
        if (counts.remove(subject) != null) {
            inLedger("forget a count", () -> ledger.forget(subject));
        }
    }

    private void count(String subject, int max, String kind, String shown) {
        Instant now = clock.instant();
        Count after = counts.compute(subject, (k, before) -> {
            int failures = before == null || stale(before, now) ? 1 : before.failures() + 1;
            Instant lockedUntil = failures >= max ? now.plus(lockDuration) : null;
            return new Count(failures, lockedUntil, now);
        });
        inLedger("keep a count", () -> ledger.keep(subject, after));
        if (after.failures() == max) {
            onLockout.accept(kind, shown);
        }
    }

    private boolean stale(Count count, Instant now) {
        // a lock that ran out starts the count again; so do failures long ago
        return count.lockedUntil() != null && !now.isBefore(count.lockedUntil())
                || count.lastFailure().plus(lockDuration).isBefore(now);
    }

    private static boolean lockedNow(Count count, Instant now) {
        return count != null && count.lockedUntil() != null && now.isBefore(count.lockedUntil());
    }

    private void forgetStale() {
        Instant now = clock.instant();
        counts.values().removeIf(count -> stale(count, now));
        inLedger("forget stale counts", () -> ledger.forgetStale(now.minus(lockDuration), now));
    }

    /** A ledger that fails costs no login: the counts in memory still lock. */
    private static void inLedger(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("The login throttle could not {} in its ledger ({}); counting goes on in memory", what,
                    e.getClass().getSimpleName());
        }
    }

    private String nameSubject(String name) {
        return pseudonym.apply("name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)));
    }

    private String sourceSubject(String source) {
        return pseudonym.apply("source:" + source);
    }
}
