package dev.pulse.accounts.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One period's figures, as reporting wrote them. */
public record Snapshot(Instant start, Map<String, Object> figures) {
    public Snapshot {
        Objects.requireNonNull(start, "start");
        figures = Map.copyOf(figures);
    }
}
