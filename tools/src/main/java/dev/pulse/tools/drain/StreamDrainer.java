package dev.pulse.tools.drain;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.pulse.ingest.application.Backoff;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A minimal stand-in for Lambda's Kinesis event-source mapping, for tests and benchmarks: one reader per shard from
 * TRIM_HORIZON, batches handed to the handler as {@link KinesisEvent}s, and ReportBatchItemFailures honoured by
 * resuming at the lowest failed sequence number. Drains until every shard is caught up.
 */
public final class StreamDrainer {
    private final KinesisClient kinesis;
    private final String stream;
    private final RequestHandler<KinesisEvent, StreamsEventResponse> handler;
    private final int batchSize;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final List<Long> batchMillis = java.util.Collections.synchronizedList(new ArrayList<>());

    public StreamDrainer(
            KinesisClient kinesis,
            String stream,
            RequestHandler<KinesisEvent, StreamsEventResponse> handler,
            int batchSize) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.handler = handler;
        this.batchSize = batchSize;
    }

    /** Reads every shard until two empty reads in a row, all in parallel; returns the Kinesis records delivered. */
    public long drain() throws Exception {
        return drain(() -> true);
    }

    /**
     * Reads every shard in parallel while a producer may still be writing: a shard is done after two empty reads in a
     * row once {@code producerDone} says so. Returns the Kinesis records delivered.
     */
    public long drain(java.util.function.BooleanSupplier producerDone) throws Exception {
        List<String> shards = kinesis.listShards(l -> l.streamName(stream)).shards().stream()
                .map(shard -> shard.shardId())
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(shards.size())) {
            List<Future<Long>> readers = new ArrayList<>();
            for (String shard : shards) {
                readers.add(pool.submit(() -> drainShard(shard, producerDone)));
            }
            long delivered = 0;
            for (Future<Long> reader : readers) {
                delivered += reader.get();
            }
            return delivered;
        }
    }

    public long invocations() {
        return invocations.get();
    }

    /** Invocations that reported at least one batch item failure. */
    public long failedInvocations() {
        return failedInvocations.get();
    }

    /** Handler latency per invocation, in milliseconds. */
    public List<Long> batchMillis() {
        synchronized (batchMillis) {
            return List.copyOf(batchMillis);
        }
    }

    private long drainShard(String shardId, java.util.function.BooleanSupplier producerDone) {
        String iterator = iterator(shardId, ShardIteratorType.TRIM_HORIZON, null);
        long delivered = 0;
        int empty = 0;
        int failures = 0;
        while (empty < 2) {
            String current = iterator;
            GetRecordsResponse response =
                    kinesis.getRecords(g -> g.shardIterator(current).limit(batchSize));
            List<Record> records = response.records();
            if (records.isEmpty()) {
                empty = producerDone.getAsBoolean() ? empty + 1 : 0;
                if (empty == 0) {
                    Backoff.sleep(java.time.Duration.ofMillis(50));
                }
                iterator = response.nextShardIterator();
                continue;
            }
            empty = 0;
            long started = System.nanoTime();
            StreamsEventResponse result = handler.handleRequest(KinesisEvents.of(shardId, records), null);
            batchMillis.add((System.nanoTime() - started) / 1_000_000);
            invocations.incrementAndGet();
            List<StreamsEventResponse.BatchItemFailure> failed =
                    result == null || result.getBatchItemFailures() == null ? List.of() : result.getBatchItemFailures();
            if (failed.isEmpty()) {
                delivered += records.size();
                failures = 0;
                iterator = response.nextShardIterator();
            } else {
                failedInvocations.incrementAndGet();
                String first = failed.stream()
                        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                        .min(Comparator.comparing(BigInteger::new))
                        .orElseThrow();
                delivered += records.stream()
                        .filter(r -> new BigInteger(r.sequenceNumber()).compareTo(new BigInteger(first)) < 0)
                        .count();
                Backoff.sleep(Backoff.DEFAULT.delay(failures++));
                iterator = iterator(shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, first);
            }
        }
        return delivered;
    }

    private String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
        return kinesis.getShardIterator(g -> g.streamName(stream)
                        .shardId(shardId)
                        .shardIteratorType(type)
                        .startingSequenceNumber(sequenceNumber))
                .shardIterator();
    }
}
