package dev.pulse.bench.accounts;

import dev.pulse.ingest.application.InboundRecord;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.tools.firehose.Aggregator;
import dev.pulse.tools.firehose.SimRecord;
import dev.pulse.tools.firehose.Simulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Seeded simulated posts, as the records Lambda would hand ingest: KPL aggregates per shard, in batches. */
final class ShardedBatches {
    private static final int AGGREGATE_BYTES = 64 * 1024;

    private ShardedBatches() {}

    static List<SimRecord> records(long seed, int posts, int pages) {
        Simulator simulator =
                new Simulator(seed, pages, 0, 1, Simulator.logicalClock(Instant.parse("2026-11-26T00:00:00Z")));
        List<SimRecord> records = new ArrayList<>(posts);
        for (int i = 0; i < posts; i++) {
            records.add(simulator.next());
        }
        return records;
    }

    /** Per shard (by partition key, as Kinesis assigns them), batches of {@code batch} aggregated records. */
    static List<List<List<InboundRecord>>> of(List<SimRecord> records, int shards, int batch) {
        List<List<InboundRecord>> perShard = new ArrayList<>();
        List<Aggregator> aggregators = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            perShard.add(new ArrayList<>());
            aggregators.add(new Aggregator(AGGREGATE_BYTES));
        }
        for (SimRecord record : records) {
            int shard = Math.floorMod(record.partitionKey().hashCode(), shards);
            aggregators
                    .get(shard)
                    .add(new UserRecord(record.partitionKey(), record.payload()))
                    .ifPresent(a -> perShard.get(shard)
                            .add(inbound(shard, perShard.get(shard).size(), a)));
        }
        List<List<List<InboundRecord>>> batches = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            int s = shard;
            aggregators
                    .get(shard)
                    .drain()
                    .ifPresent(
                            a -> perShard.get(s).add(inbound(s, perShard.get(s).size(), a)));
            List<InboundRecord> all = perShard.get(shard);
            List<List<InboundRecord>> shardBatches = new ArrayList<>();
            for (int from = 0; from < all.size(); from += batch) {
                shardBatches.add(all.subList(from, Math.min(from + batch, all.size())));
            }
            batches.add(shardBatches);
        }
        return batches;
    }

    private static InboundRecord inbound(int shard, int sequence, Aggregator.Aggregate aggregate) {
        return new InboundRecord(
                String.format("shardId-%012d", shard),
                Integer.toString(1_000_000 + sequence),
                aggregate.partitionKey(),
                aggregate.data(),
                Instant.now());
    }
}
