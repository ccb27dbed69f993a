package dev.pulse.cdk.config;

/** Kinesis capacity: provisioned shards (cheapest at a steady firehose) or on-demand (no shard planning). */
public record StreamCapacity(boolean onDemand, int shards, int retentionHours) {
    public StreamCapacity {
        if (!onDemand && shards < 1) {
            throw new IllegalArgumentException("a provisioned stream needs at least one shard");
        }
        if (retentionHours < 24 || retentionHours > 8760) {
            throw new IllegalArgumentException("stream retention must be 24-8760 hours");
        }
    }
}
