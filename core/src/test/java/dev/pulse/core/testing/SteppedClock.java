package dev.pulse.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until the test moves it, so time-based behaviour is tested without sleeping. */
public final class SteppedClock extends Clock {
    private final AtomicReference<Instant> now;

    /** Starts at a fixed instant, so tests are reproducible. */
    public SteppedClock() {
        this(Instant.parse("2026-11-26T00:00:00Z"));
    }

    public SteppedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration step) {
        now.updateAndGet(i -> i.plus(step));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
