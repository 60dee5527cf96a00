package nl.zorgtafel.core.internal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A clock that a test moves through a youth's story, a day at a time: it stands at ten in
 * the morning, Amsterdam time, of the day the test says, and never moves by itself.
 */
public final class StoryClock extends Clock {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalTime MORNING = LocalTime.of(10, 0);

    private volatile Instant now;

    public StoryClock(LocalDate today) {
        moveTo(today);
    }

    public void moveTo(LocalDate day) {
        now = day.atTime(MORNING).atZone(AMSTERDAM).toInstant();
    }

    /** Lets some time pass within the day, for what counts minutes (a session's idle timeout). */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return AMSTERDAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
