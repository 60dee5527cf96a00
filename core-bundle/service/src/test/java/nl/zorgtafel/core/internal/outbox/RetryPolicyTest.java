package nl.zorgtafel.core.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant FAILED_AT = Instant.parse("2024-03-04T09:00:00Z");
    /** The jitter's middle: the delay without jitter. */
    private static final DoubleSupplier NO_JITTER = () -> 0.5;
    private static final DoubleSupplier LEAST_JITTER = () -> 0.0;
    private static final DoubleSupplier MOST_JITTER = () -> Math.nextDown(1.0);

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void theFirstRetryComesAfterTheBaseDelay() {
        assertThat(policy.nextAttempt(FAILED_AT, 1, NO_JITTER)).isEqualTo(FAILED_AT.plusSeconds(1));
    }

    @Test
    void theDelayDoublesWithEveryFailedAttempt() {
        assertThat(policy.nextAttempt(FAILED_AT, 2, NO_JITTER)).isEqualTo(FAILED_AT.plusSeconds(2));
        assertThat(policy.nextAttempt(FAILED_AT, 3, NO_JITTER)).isEqualTo(FAILED_AT.plusSeconds(4));
        assertThat(policy.nextAttempt(FAILED_AT, 7, NO_JITTER)).isEqualTo(FAILED_AT.plusSeconds(64));
    }

    @Test
    void theDelayStopsGrowingAtTheCeiling() {
        assertThat(policy.nextAttempt(FAILED_AT, 10, NO_JITTER)).isEqualTo(FAILED_AT.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttempt(FAILED_AT, Integer.MAX_VALUE, NO_JITTER))
                .isEqualTo(FAILED_AT.plus(Duration.ofMinutes(5)));
    }

    @Test
    void jitterSpreadsTheDelayFromHalfToOneAndAHalfTimes() {
        assertThat(policy.nextAttempt(FAILED_AT, 3, LEAST_JITTER)).isEqualTo(FAILED_AT.plusSeconds(2));
        assertThat(policy.nextAttempt(FAILED_AT, 3, MOST_JITTER)).isEqualTo(FAILED_AT.plusSeconds(6));
    }

    @Test
    void jitterNeverMakesADelayLongerThanTheCeiling() {
        assertThat(policy.nextAttempt(FAILED_AT, 10, MOST_JITTER)).isEqualTo(FAILED_AT.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttempt(FAILED_AT, 10, LEAST_JITTER))
                .isEqualTo(FAILED_AT.plus(Duration.ofSeconds(150)));
    }

    @Test
    void aNotificationIsGivenUpAfterMaxAttemptsFailedAttempts() {
        assertThat(policy.isExhausted(7)).isFalse();
        assertThat(policy.isExhausted(8)).isTrue();
    }

    @Test
    void withOneAttemptTheFirstFailureIsFinal() {
        assertThat(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofMinutes(5)).isExhausted(1)).isTrue();
    }

    @Test
    void aPolicyWithoutAnyAttemptIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }
}
