package nl.zorgtafel.core.internal.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential back-off from a base delay up to a
 * ceiling, with jitter (×0.5 to ×1.5, never past the ceiling) so that partners coming back
 * from an outage are not all retried in the same instant; after the last attempt the
 * notification is a dead letter.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration ceiling) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Whether a notification that failed this many times is given up. */
    public boolean isExhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** When to try again after {@code attemptsMade} failed attempts. */
    public Instant nextAttempt(Instant now, int attemptsMade, DoubleSupplier random) {
        double exponential = base.toMillis() * Math.pow(2, Math.max(0, attemptsMade - 1));
        double capped = Math.min(exponential, ceiling.toMillis());
        long delay = Math.min(Math.round(capped * (0.5 + random.getAsDouble())), ceiling.toMillis());
        return now.plusMillis(delay);
    }
}
