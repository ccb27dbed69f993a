package dev.pulse.accounts.domain;

import java.time.Instant;
import java.util.Locale;

/** A dashboard's granularity; reports are keyed {@code hour#2026-12-01T10:00:00Z}. */
public enum Period {
    HOUR,
    DAY;

    public static Period parse(String text) {
        for (Period period : values()) {
            if (period.wire().equals(text)) {
                return period;
            }
        }
        throw new InvalidInputException("period", "must be hour or day");
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The report's sort key for the period starting at {@code start}. */
    public String key(Instant start) {
        return wire() + "#" + start;
    }
}
