package dev.pulse.core.topology;

/**
 * How a stream is sized in AWS: provisioned shards (cheapest at a steady firehose) or on-demand (no shard planning,
 * billed per stream-hour and per GB).
 */
public record StreamCapacity(boolean onDemand, int shards) {
    public static final StreamCapacity ON_DEMAND = new StreamCapacity(true, 0);

    public StreamCapacity {
        if (onDemand && shards != 0) {
            throw new IllegalArgumentException("an on-demand stream has no shard count");
        }
        if (!onDemand && shards < 1) {
            throw new IllegalArgumentException("a provisioned stream needs at least one shard");
        }
    }

    public static StreamCapacity provisioned(int shards) {
        return new StreamCapacity(false, shards);
    }
}
