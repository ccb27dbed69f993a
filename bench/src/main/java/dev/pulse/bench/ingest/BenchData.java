package dev.pulse.bench.ingest;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.tools.drain.KinesisEvents;
import dev.pulse.tools.firehose.Aggregator;
import dev.pulse.tools.firehose.SimRecord;
import dev.pulse.tools.firehose.Simulator;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The posts every phase uses (generated once, seeded), the tracked pages, and in-memory Kinesis events of them. */
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
     * {@code batchSize} Kinesis records per event; one list of events per shard.
     */
    List<List<KinesisEvent>> events(int shards, int aggregateBytes, int batchSize) {
        List<List<KinesisEvent.KinesisEventRecord>> perShard = new ArrayList<>();
        List<Aggregator> aggregators = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            perShard.add(new ArrayList<>());
            aggregators.add(new Aggregator(aggregateBytes));
        }
        BigInteger[] sequence = new BigInteger[shards];
        java.util.Arrays.fill(sequence, new BigInteger("49600000000000000000000000000000000000000000000000000000"));
        for (SimRecord record : records) {
            int shard = Math.floorMod(record.partitionKey().hashCode(), shards);
            int s = shard;
            aggregators
                    .get(shard)
                    .add(new UserRecord(record.partitionKey(), record.payload()))
                    .ifPresent(a -> perShard.get(s).add(event(s, sequence, a)));
        }
        for (int shard = 0; shard < shards; shard++) {
            int s = shard;
            aggregators.get(shard).drain().ifPresent(a -> perShard.get(s).add(event(s, sequence, a)));
        }
        List<List<KinesisEvent>> events = new ArrayList<>();
        for (List<KinesisEvent.KinesisEventRecord> shardRecords : perShard) {
            List<KinesisEvent> shardEvents = new ArrayList<>();
            for (int from = 0; from < shardRecords.size(); from += batchSize) {
                KinesisEvent event = new KinesisEvent();
                event.setRecords(shardRecords.subList(from, Math.min(from + batchSize, shardRecords.size())));
                shardEvents.add(event);
            }
            events.add(shardEvents);
        }
        return events;
    }

    private static KinesisEvent.KinesisEventRecord event(int shard, BigInteger[] sequence, Aggregator.Aggregate a) {
        sequence[shard] = sequence[shard].add(BigInteger.ONE);
        return KinesisEvents.record(
                "shardId-00000000000" + shard, sequence[shard].toString(), a.partitionKey(), a.data(), new Date());
    }
}
