package dev.pulse.bench.ingest;

import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.local.kinesis.KinesisEventFactory;
import dev.pulse.local.kinesis.StreamRecord;
import dev.pulse.tools.firehose.Aggregator;
import dev.pulse.tools.firehose.SimRecord;
import dev.pulse.tools.firehose.Simulator;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The posts every phase uses (generated once, seeded), the tracked pages, and Kinesis events of them. */
final class BenchData {
    final List<SimRecord> records = new ArrayList<>();
    final Set<String> tracked = new HashSet<>();

    BenchData(int posts, int pages, int trackedTop, long seed) {
        Simulator simulator =
                new Simulator(seed, pages, 0, 1, Simulator.logicalClock(Instant.parse("2026-11-26T00:00:00Z")));
        for (int i = 0; i < posts; i++) {
            records.add(simulator.next());
        }
        for (int rank = 0; rank < pages; rank++) {
            if (rank < trackedTop || rank % 20 == 0) {
                tracked.add(Simulator.pageId(rank));
            }
        }
    }

    long trackedPosts() {
        return records.stream().filter(r -> tracked.contains(r.page().pageId())).count();
    }

    /**
     * The records as Lambda would deliver them from {@code shards} shards: KPL aggregates of {@code aggregateBytes},
     * {@code batchSize} Kinesis records per event, each event the JSON the runtime's mapping would send; one list of
     * events per shard.
     */
    List<List<String>> events(KinesisEventFactory factory, int shards, int aggregateBytes, int batchSize) {
        List<List<StreamRecord>> perShard = new ArrayList<>();
        List<Aggregator> aggregators = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            perShard.add(new ArrayList<>());
            aggregators.add(new Aggregator(aggregateBytes));
        }
        BigInteger[] sequence = new BigInteger[shards];
        Arrays.fill(sequence, new BigInteger("49600000000000000000000000000000000000000000000000000000"));
        for (SimRecord record : records) {
            int shard = Math.floorMod(record.partitionKey().hashCode(), shards);
            aggregators
                    .get(shard)
                    .add(new UserRecord(record.partitionKey(), record.payload()))
                    .ifPresent(a -> perShard.get(shard).add(record(shard, sequence, a)));
        }
        for (int shard = 0; shard < shards; shard++) {
            int s = shard;
            aggregators.get(shard).drain().ifPresent(a -> perShard.get(s).add(record(s, sequence, a)));
        }
        List<List<String>> events = new ArrayList<>();
        for (List<StreamRecord> shardRecords : perShard) {
            List<String> shardEvents = new ArrayList<>();
            for (int from = 0; from < shardRecords.size(); from += batchSize) {
                List<StreamRecord> batch = shardRecords.subList(from, Math.min(from + batchSize, shardRecords.size()));
                shardEvents.add(Json.write(factory.event(batch)));
            }
            events.add(shardEvents);
        }
        return events;
    }

    private static StreamRecord record(int shard, BigInteger[] sequence, Aggregator.Aggregate a) {
        sequence[shard] = sequence[shard].add(BigInteger.ONE);
        return new StreamRecord(
                String.format("shardId-%012d", shard),
                sequence[shard].toString(),
                a.partitionKey(),
                a.data(),
                Instant.now());
    }
}
