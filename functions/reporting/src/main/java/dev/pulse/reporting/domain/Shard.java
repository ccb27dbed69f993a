package dev.pulse.reporting.domain;

import java.util.List;
import java.util.Objects;

/**
 * One shard of a fanned-out snapshot run: some accounts of the window, shard {@code index} of {@code count} of the
 * fan-out {@code fanOut} (an id, so the run knows when its last shard is done).
 */
public record Shard(Window window, String fanOut, int index, int count, List<String> accounts) {
    public Shard {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(fanOut, "fanOut");
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count);
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("a shard has accounts");
        }
        accounts = List.copyOf(accounts);
    }
}
