package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.Shard;
import java.util.List;

/** The job's work queue: one message per shard, each consumed by one invocation of the job's function. */
public interface ShardQueue {
    void send(List<Shard> shards);
}
