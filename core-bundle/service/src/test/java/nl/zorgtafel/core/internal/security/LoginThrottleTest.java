package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgtafel.core.internal.testing.StoryClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 5, 11));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 5, Duration.ofMinutes(15));

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
}
