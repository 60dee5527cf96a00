package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void requests_are_due_at_even_intervals_from_the_start() {
        RateLimiter limiter = new RateLimiter(300, clock::get);
        long start = limiter.start();
        assertThat(start).isEqualTo(1_000_000_000L);
        assertThat(limiter.dueAt(0)).isEqualTo(start);
        assertThat(limiter.dueAt(1)).isEqualTo(start + 3_333_333);
        assertThat(limiter.dueAt(300)).isEqualTo(start + 1_000_000_000L);
        assertThat(limiter.dueAt(18_000)).isEqualTo(start + 60_000_000_000L);
    }

    @Test
    void how_long_until_a_request_is_due_follows_the_clock() {
        RateLimiter limiter = new RateLimiter(100, clock::get);
        limiter.start();
        assertThat(limiter.nanosUntil(0)).isZero();
        assertThat(limiter.nanosUntil(1)).isEqualTo(10_000_000);
        clock.addAndGet(25_000_000);
        assertThat(limiter.nanosUntil(1)).isEqualTo(-15_000_000);
        assertThat(limiter.nanosUntil(3)).isEqualTo(5_000_000);
    }

    @Test
    void open_loop_a_slow_answer_does_not_move_later_requests() {
        RateLimiter limiter = new RateLimiter(10, clock::get);
        long start = limiter.start();
        // the sender is stuck for two seconds: twenty requests are due meanwhile, at their own times
        clock.addAndGet(2_000_000_000L);
        assertThat(limiter.dueByNow()).isEqualTo(21);
        assertThat(limiter.dueAt(20)).isEqualTo(start + 2_000_000_000L);
        assertThat(limiter.nanosUntil(5)).isEqualTo(-1_500_000_000L);
    }

    @Test
    void the_number_of_requests_in_a_run() {
        RateLimiter limiter = new RateLimiter(300, clock::get);
        assertThat(limiter.requestsIn(60_000_000_000L)).isEqualTo(18_000);
        assertThat(new RateLimiter(0.5, clock::get).requestsIn(3_000_000_000L)).isEqualTo(2);
    }

    @Test
    void it_refuses_nonsense() {
        assertThatThrownBy(() -> new RateLimiter(0, clock::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, clock::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(5, clock::get).dueAt(1)).isInstanceOf(IllegalStateException.class);
    }
}
