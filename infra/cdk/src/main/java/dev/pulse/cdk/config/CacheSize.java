package dev.pulse.cdk.config;

/** ElastiCache replication group size: node type and node count (one primary plus replicas). */
public record CacheSize(String nodeType, int nodes) {
    public CacheSize {
        if (nodes < 1 || nodes > 6) {
            throw new IllegalArgumentException("a replication group has 1-6 nodes");
        }
    }

    /** Automatic fail-over and Multi-AZ need at least one replica. */
    public boolean multiAz() {
        return nodes > 1;
    }
}
