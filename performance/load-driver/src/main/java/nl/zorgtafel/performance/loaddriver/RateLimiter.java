package nl.zorgtafel.performance.loaddriver;

import java.util.function.LongSupplier;

/**
 * Open-loop pacing: the i-th request of a run is due at {@code start + i / rate}, whatever
 * happened to the ones before it. A request is therefore never held back because an earlier
 * one is slow, and its latency is counted from when it was due, not from when a busy client
 * got round to sending it (no coordinated omission).
 *
 * <p>Plain arithmetic over an injected nanosecond clock, so that it can be tested without
 * waiting.
 */
final class RateLimiter {

    private final double perSecond;
    private final LongSupplier nanoClock;
    private long startNanos;
    private boolean started;

    /** @param perSecond requests per second, more than zero */
    RateLimiter(double perSecond, LongSupplier nanoClock) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number");
        }
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
    }

    /** Starts the schedule now; request 0 is due at once. */
    long start() {
        startNanos = nanoClock.getAsLong();
        started = true;
        return startNanos;
    }

    long startNanos() {
        requireStarted();
        return startNanos;
    }

    /** When request {@code index} (from 0) is due, on the injected clock. */
    long dueAt(long index) {
        requireStarted();
        return startNanos + Math.round(index * 1_000_000_000d / perSecond);
    }

    /** How long from now until request {@code index} is due; zero or less when it is due already. */
    long nanosUntil(long index) {
        return dueAt(index) - nanoClock.getAsLong();
    }

    /** How many requests are due by now (request 0 is due at the start). */
    long dueByNow() {
        requireStarted();
        long elapsed = nanoClock.getAsLong() - startNanos;
        if (elapsed < 0) {
            return 0;
        }
        return (long) Math.floor(elapsed * perSecond / 1_000_000_000d) + 1;
    }

    /** How many requests a run of {@code durationNanos} holds. */
    long requestsIn(long durationNanos) {
        return (long) Math.ceil(durationNanos * perSecond / 1_000_000_000d);
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("start() first");
        }
    }
}
