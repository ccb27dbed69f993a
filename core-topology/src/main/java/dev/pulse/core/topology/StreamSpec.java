package dev.pulse.core.topology;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A Kinesis data stream: its shards on the local platform, its capacity in each stage, and how long it keeps records
 * (which bounds how late a failed batch can still be re-read and redriven).
 */
public record StreamSpec(String name, int localShards, Map<Stage, StreamCapacity> capacity, Duration retention) {
    public StreamSpec {
        Names.check(name);
        if (localShards < 1) {
            throw new IllegalArgumentException("stream " + name + " needs at least one local shard");
        }
        for (Stage stage : Stage.values()) {
            if (!capacity.containsKey(stage)) {
                throw new IllegalArgumentException("stream " + name + " has no capacity for stage " + stage.id());
            }
        }
        capacity = Map.copyOf(new EnumMap<>(capacity));
        if (retention.toSeconds() % 3600 != 0
                || retention.toNanosPart() != 0
                || retention.compareTo(Duration.ofHours(24)) < 0
                || retention.compareTo(Duration.ofHours(8760)) > 0) {
            throw new IllegalArgumentException(
                    "stream " + name + " retention must be whole hours, 24-8760: " + retention);
        }
    }

    /** The same capacity in every stage. */
    public static StreamSpec uniform(String name, int localShards, StreamCapacity capacity, Duration retention) {
        Map<Stage, StreamCapacity> everywhere = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            everywhere.put(stage, capacity);
        }
        return new StreamSpec(name, localShards, everywhere, retention);
    }

    public StreamCapacity capacityIn(Stage stage) {
        return capacity.get(stage);
    }
}
