package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.testing.StoryClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 5, 11));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 5, Duration.ofMinutes(15));
    private final MapLedger ledger = new MapLedger();

    @Test
    void aNameIsLockedAfterRepeatedFailuresAndFreedAfterTheLock() {
        List<String> lockouts = new ArrayList<>();
        throttle.onLockout((kind, who) -> lockouts.add(kind + ":" + who));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.locked("fenna", "10.0.0.1")).isFalse();
            throttle.failed("fenna", "10.0.0.1");
        }

        assertThat(throttle.locked("fenna", "10.0.0.2")).isTrue();
        assertThat(throttle.locked("FENNA", "10.0.0.2")).isTrue();
        assertThat(lockouts).containsExactly("name:fenna");

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.locked("fenna", "10.0.0.2")).isFalse();
    }

    @Test
    void aNameThatDoesNotExistIsLockedTheSameWay() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("no-such-user", "10.0.0.1");
        }
        assertThat(throttle.locked("no-such-user", "10.0.0.9")).isTrue();
    }

    @Test
    void aSourceTryingManyNamesIsLocked() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertThat(throttle.locked("someone-else", "10.0.0.7")).isTrue();
        assertThat(throttle.locked("someone-else", "10.0.0.8")).isFalse();
    }

    @Test
    void aSuccessClearsTheNamesCount() {
        throttle.failed("fenna", "10.0.0.1");
        throttle.failed("fenna", "10.0.0.1");
        throttle.succeeded("fenna");
        throttle.failed("fenna", "10.0.0.1");
        assertThat(throttle.locked("fenna", "10.0.0.1")).isFalse();
    }

    @Test
    void aLoginWithoutASourceIsCountedByNameOnly() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.locked("fenna", null)).isFalse();
            throttle.failed("fenna", null);
        }

        assertThat(throttle.locked("fenna", null)).isTrue();
        assertThat(throttle.locked("someone-else", null)).isFalse();
    }

    @Test
    void aLockOutOutlivesARestart() {
        failTimes(started(), "fenna", 3);

        LoginThrottle afterRestart = started();

        assertThat(afterRestart.locked("fenna", "10.0.0.2")).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(afterRestart.locked("fenna", "10.0.0.2")).isFalse();
    }

    @Test
    void failuresBeforeARestartCountOnAfterIt() {
        failTimes(started(), "fenna", 2);

        LoginThrottle afterRestart = started();
        failTimes(afterRestart, "fenna", 1);

        assertThat(afterRestart.locked("fenna", "10.0.0.1")).isTrue();
    }

    @Test
    void aSuccessForgetsTheKeptCount() {
        LoginThrottle before = started();
        failTimes(before, "fenna", 2);
        before.succeeded("fenna");

        LoginThrottle afterRestart = started();
        failTimes(afterRestart, "fenna", 1);

        assertThat(afterRestart.locked("fenna", "10.0.0.1")).isFalse();
    }

    @Test
    void countsThatRanOutBeforeARestartAreNotTakenUp() {
        LoginThrottle before = started();
        failTimes(before, "fenna", 3);
        failTimes(before, "lotte", 1);
        clock.advance(Duration.ofMinutes(16));

        LoginThrottle afterRestart = started();

        assertThat(afterRestart.locked("fenna", "10.0.0.1")).isFalse();
        assertThat(ledger.kept).isEmpty();
    }

    @Test
    void theLedgerKeepsPseudonymsNeverTheNameOrTheAddress() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KeyRing.generate());
        LoginThrottle pseudonymous = new LoginThrottle(clock, 3, 5, Duration.ofMinutes(15), ledger,
                value -> pseudonymizer.pseudonymOf(LoginThrottle.PSEUDONYM_PURPOSE, value));

        pseudonymous.failed("Fenna", "10.0.0.1");

        assertThat(ledger.kept.keySet()).hasSize(2).allSatisfy(subject -> assertThat(subject)
                .matches("[0-9a-f]{64}").doesNotContainIgnoringCase("fenna").doesNotContain("10.0.0.1"));
    }

    @Test
    void aCheckReadsNoLedgerAndWithoutRecentFailuresComputesNoPseudonym() {
        AtomicInteger pseudonyms = new AtomicInteger();
        LoginThrottle counted = new LoginThrottle(clock, 3, 5, Duration.ofMinutes(15), ledger, value -> {
            pseudonyms.incrementAndGet();
            return value;
        });
        int recalledAtStart = ledger.recalls;

        counted.locked("fenna", "10.0.0.1");
        counted.succeeded("fenna");
        assertThat(pseudonyms).hasValue(0);

        counted.failed("lotte", "10.0.0.3");
        for (int i = 0; i < 100; i++) {
            counted.locked("fenna", "10.0.0.1");
        }
        assertThat(ledger.recalls).isEqualTo(recalledAtStart);
    }

    @Test
    void aLedgerThatCannotBeWrittenCostsNoLoginAndTheLockStillHolds() {
        ledger.broken = true;
        LoginThrottle unsure = started();

        failTimes(unsure, "fenna", 3);
        unsure.succeeded("lotte");

        assertThat(unsure.locked("fenna", "10.0.0.2")).isTrue();
    }

    /** A throttle as the core starts one: taking up what the ledger kept. */
    private LoginThrottle started() {
        return new LoginThrottle(clock, 3, 5, Duration.ofMinutes(15), ledger, UnaryOperator.identity());
    }

    private static void failTimes(LoginThrottle throttle, String name, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(name, "10.0.0.1");
        }
    }

    /** A ledger in a map, as the store keeps it across a restart; it can be made to fail every call. */
    private static final class MapLedger implements LoginThrottle.Ledger {

        final Map<String, LoginThrottle.Count> kept = new HashMap<>();
        int recalls;
        boolean broken;

        @Override
        public Map<String, LoginThrottle.Count> recall(Instant since, Instant now) {
            failIfBroken();
            recalls++;
            return Map.copyOf(kept);
        }

        @Override
        public void keep(String subject, LoginThrottle.Count count) {
            failIfBroken();
            kept.put(subject, count);
        }

        @Override
        public void forget(String subject) {
            failIfBroken();
            kept.remove(subject);
        }

        @Override
        public void forgetStale(Instant since, Instant now) {
            failIfBroken();
            kept.values().removeIf(count -> (count.lockedUntil() == null || !count.lockedUntil().isAfter(now))
                    && count.lastFailure().isBefore(since));
        }

        private void failIfBroken() {
            if (broken) {
                throw new IllegalStateException("the store is not there");
            }
        }
    }
}
