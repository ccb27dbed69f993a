package dev.pulse.ingest.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The times ingest accepts: from {@link #EARLIEST} to {@link #AHEAD} past the injected clock's now. A time outside
 * would pin a page or post forever (its version beats every later write), overflow the epoch-ms version, or open one
 * {@code posts-*} index per made-up day; it is {@link PoisonReason#INVALID_VALUE}.
 */
public record TimeWindow(Instant earliest, Duration ahead, Clock clock) {
    /** Facebook pages did not exist before 2004. */
    public static final Instant EARLIEST = Instant.parse("2004-01-01T00:00:00Z");
    /** Room for producers' clock skew. */
    public static final Duration AHEAD = Duration.ofDays(1);

    public TimeWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(ahead, "ahead");
        Objects.requireNonNull(clock, "clock");
    }

    /** The documented window on this clock. */
    public static TimeWindow of(Clock clock) {
        return new TimeWindow(EARLIEST, AHEAD, clock);
    }

    /** Null when {@code time} is inside; otherwise why not, naming the field. */
    String violation(String field, Instant time) {
        Instant latest = clock.instant().plus(ahead);
        if (time.isBefore(earliest) || time.isAfter(latest)) {
            return field + " " + time + " is outside the accepted window " + earliest + " .. now + " + ahead.toHours()
                    + "h (" + latest + ")";
        }
        return null;
    }
}
