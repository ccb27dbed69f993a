package dev.pulse.core.topology;

import java.time.Duration;

/** A Kinesis data stream. Local runs use {@code localShards}; AWS uses on-demand or provisioned capacity. */
public record StreamSpec(String name, int localShards, boolean onDemand, int provisionedShards, Duration retention) {
    public StreamSpec {
        Names.check(name);
        if (localShards < 1 || provisionedShards < 1) {
            throw new IllegalArgumentException("stream " + name + " needs at least one shard");
        }
    }
}
