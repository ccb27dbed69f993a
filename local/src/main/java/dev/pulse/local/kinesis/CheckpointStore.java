package dev.pulse.local.kinesis;

import java.util.Optional;

/** Where an event-source mapping remembers, per shard, the last sequence number it committed. */
public interface CheckpointStore {
    Optional<String> get(String shardId);

    void put(String shardId, String sequenceNumber);

    /** The shard is closed and fully processed, so its children may start. */
    void markEnded(String shardId);

    boolean ended(String shardId);

    /** Drops the shard's checkpoint and end mark (they belonged to an earlier stream of the same name). */
    void forget(String shardId);
}
