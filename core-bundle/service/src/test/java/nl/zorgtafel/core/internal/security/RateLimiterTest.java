package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.IntStream;
import nl.zorgtafel.core.internal.testing.StoryClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 5, 11));

    @Test
    void aBurstIsAllowedThenTheRateApplies() {
        RateLimiter limiter = new RateLimiter(clock, 2, 5);

        assertThat(IntStream.range(0, 5).allMatch(i -> limiter.tryAcquire("partner:ggz"))).isTrue();
        assertThat(limiter.tryAcquire("partner:ggz")).isFalse();
        assertThat(limiter.tryAcquire("partner:mee")).isTrue();

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("partner:ggz")).isTrue();
        assertThat(limiter.tryAcquire("partner:ggz")).isFalse();
    }

    @Test
    void aRateOfZeroLimitsNothing() {
        RateLimiter limiter = new RateLimiter(clock, 0, 1);
        assertThat(IntStream.range(0, 1000).allMatch(i -> limiter.tryAcquire("partner:ggz"))).isTrue();
    }
}
