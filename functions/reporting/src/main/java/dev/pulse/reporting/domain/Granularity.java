package dev.pulse.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A snapshot's period; its wire name and key match what the accounts function reads ({@code hour#2026-12-01T10:00:00Z}). */
public enum Granularity {
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Granularity(ChronoUnit unit) {
        this.unit = unit;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration length() {
        return unit.getDuration();
    }

    /** The period that ended last before {@code time}: a run at 10:05 snapshots 09:00-10:00. */
    public Window previousTo(Instant time) {
        Instant end = time.truncatedTo(unit);
        return new Window(this, end.minus(length()));
    }

    /** The period starting at {@code start}, which must be aligned to the unit. */
    public Window at(Instant start) {
        if (!start.truncatedTo(unit).equals(start)) {
            throw new IllegalArgumentException(wire() + " periods start on the " + wire() + ", not at " + start);
        }
        return new Window(this, start);
    }
}
