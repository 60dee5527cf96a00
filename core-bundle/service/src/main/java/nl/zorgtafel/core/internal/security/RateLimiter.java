package nl.zorgtafel.core.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (a partner, or a person): {@code burst} requests at once, refilled
 * at {@code perSecond}. A request finding the bucket empty is answered 429. A rate of 0
 * turns limiting off.
 */
public final class RateLimiter {

    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private record Bucket(double tokens, Instant at) {
    }

    public RateLimiter(Clock clock, double perSecond, double burst) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    /** Takes a token from the caller's bucket; false when it is empty. */
    public boolean tryAcquire(String key) {
        if (!enabled()) {
            return true;
        }
        Instant now = clock.instant();
        boolean[] granted = new boolean[1];
        buckets.compute(key, (k, before) -> {
            double tokens = before == null ? burst
                    : Math.min(burst, before.tokens() + elapsedSeconds(before.at(), now) * perSecond);
            granted[0] = tokens >= 1;
            return new Bucket(granted[0] ? tokens - 1 : tokens, now);
        });
        return granted[0];
    }

    /** Seconds until the caller's bucket holds a token again, at least 1 (for Retry-After). */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / Math.max(perSecond, 1e-9)));
    }

    private static double elapsedSeconds(Instant from, Instant to) {
        return Math.max(0, (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
    }
}
