package dev.pulse.reporting.domain;

import java.time.Instant;
import java.util.Objects;

/** One period of one granularity: {@code [start, start + length)}. */
public record Window(Granularity granularity, Instant start) {
    public Window {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(start, "start");
    }

    public Instant end() {
        return start.plus(granularity.length());
    }

    /** The sort key of this period's snapshot in the reports table. */
    public String key() {
        return granularity.wire() + "#" + start;
    }

    public Window previous() {
        return new Window(granularity, start.minus(granularity.length()));
    }

    /** Hourly buckets of a daily histogram; an hour has none. */
    public int hours() {
        return granularity == Granularity.DAY ? 24 : 0;
    }
}
