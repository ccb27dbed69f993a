package dev.pulse.local.kinesis;

import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.local.lambda.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads one shard in order and hands batches to the {@link BatchProcessor}: a batch is sent when it holds
 * {@code batchSize} records or when the batching window, counted from its first record, has passed. It starts after
 * the checkpoint (else at the mapping's starting position), re-acquires expired iterators after the last record read,
 * and marks the shard ended once a closed shard is drained.
 */
final class ShardConsumer implements Runnable {
    private final KinesisClient kinesis;
    private final String stream;
    private final String shardId;
    private final StreamMappingSpec mapping;
    private final CheckpointStore checkpoints;
    private final BatchProcessor processor;
    private final BatchProcessor laneProcessor;
    private final MappingTuning tuning;
    private final JsonLog log;
    private final Clock clock;
    private volatile boolean running = true;

    ShardConsumer(
            KinesisClient kinesis,
            String stream,
            String shardId,
            StreamMappingSpec mapping,
            CheckpointStore checkpoints,
            BatchProcessor processor,
            BatchProcessor laneProcessor,
            MappingTuning tuning,
            JsonLog log,
            Clock clock) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.shardId = shardId;
        this.mapping = mapping;
        this.checkpoints = checkpoints;
        this.processor = processor;
        this.laneProcessor = laneProcessor;
        this.tuning = tuning;
        this.log = log;
        this.clock = clock;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            consume();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.runtime("ERROR", "shard consumer " + stream + "/" + shardId + " stopped: " + e);
        }
    }

    private void consume() throws InterruptedException {
        if (checkpoints.ended(shardId)) {
            return;
        }
        String lastRead = checkpoints.get(shardId).orElse(null);
        String iterator = iterator(lastRead);
        List<StreamRecord> buffer = new ArrayList<>();
        Instant windowStart = null;
        Duration window = mapping.batchingWindow();
        while (running) {
            if (iterator == null) {
                if (!buffer.isEmpty()) {
                    deliver(buffer);
                }
                checkpoints.markEnded(shardId);
                log.runtime("INFO", "shard " + stream + "/" + shardId + " is closed and fully processed");
                return;
            }
            GetRecordsResponse response;
            try {
                String current = iterator;
                int limit = capacity() - buffer.size();
                response = kinesis.getRecords(g -> g.shardIterator(current).limit(limit));
            } catch (ExpiredIteratorException e) {
                iterator = iterator(lastRead);
                continue;
            } catch (SdkException e) {
                log.runtime("WARN", "GetRecords on " + stream + "/" + shardId + " failed, retrying: " + e.getMessage());
                Thread.sleep(tuning.idlePoll());
                continue;
            }
            for (var record : response.records()) {
                buffer.add(StreamRecord.of(shardId, record));
                lastRead = record.sequenceNumber();
            }
            if (windowStart == null && !buffer.isEmpty()) {
                windowStart = clock.instant();
            }
            iterator = response.nextShardIterator();
            boolean full = buffer.size() >= capacity();
            boolean windowOver = windowStart != null && !clock.instant().isBefore(windowStart.plus(window));
            if (!buffer.isEmpty() && (full || windowOver)) {
                deliver(buffer);
                buffer = new ArrayList<>();
                windowStart = null;
            } else if (response.records().isEmpty()
                    || (response.millisBehindLatest() != null && response.millisBehindLatest() == 0)) {
                Duration pause = tuning.idlePoll();
                if (windowStart != null) {
                    Duration left = Duration.between(clock.instant(), windowStart.plus(window));
                    pause = left.compareTo(pause) < 0 ? left : pause;
                }
                if (!pause.isNegative() && !pause.isZero()) {
                    Thread.sleep(pause);
                }
            }
        }
    }

    /** With a parallelization factor, one read feeds that many concurrent batches. */
    private int capacity() {
        return Math.min(10_000, mapping.batchSize() * Math.max(1, mapping.parallelizationFactor()));
    }

    /**
     * Parallelization factor 1: the processor delivers and commits record by record. Above 1, records are split into
     * lanes by partition-key hash (so each key stays in order, as Lambda guarantees), the lanes run concurrently in
     * batches of at most {@code batchSize}, and the shard is committed once all lanes are done.
     */
    private void deliver(List<StreamRecord> records) throws InterruptedException {
        int factor = Math.max(1, mapping.parallelizationFactor());
        if (factor == 1) {
            processor.process(records);
            return;
        }
        List<List<StreamRecord>> lanes = new ArrayList<>();
        for (int i = 0; i < factor; i++) {
            lanes.add(new ArrayList<>());
        }
        records.forEach(r ->
                lanes.get(Math.floorMod(r.partitionKey().hashCode(), factor)).add(r));
        List<Thread> running = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (List<StreamRecord> lane : lanes) {
            if (lane.isEmpty()) {
                continue;
            }
            running.add(Thread.ofVirtual().name("lane-" + shardId).start(() -> {
                try {
                    for (int from = 0; from < lane.size(); from += mapping.batchSize()) {
                        laneProcessor.process(lane.subList(from, Math.min(lane.size(), from + mapping.batchSize())));
                    }
                } catch (InterruptedException | RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        try {
            for (Thread thread : running) {
                thread.join();
            }
        } catch (InterruptedException e) {
            running.forEach(Thread::interrupt);
            throw e;
        }
        if (!failures.isEmpty()) {
            throw new InterruptedException("a lane stopped: " + failures.getFirst());
        }
        checkpoints.put(shardId, records.getLast().sequenceNumber());
    }

    private String iterator(String afterSequence) {
        Optional<String> after = Optional.ofNullable(afterSequence);
        ShardIteratorType type = after.isPresent()
                ? ShardIteratorType.AFTER_SEQUENCE_NUMBER
                : ShardIteratorType.fromValue(mapping.startingPosition().name());
        return kinesis.getShardIterator(g -> {
                    g.streamName(stream).shardId(shardId).shardIteratorType(type);
                    after.ifPresent(g::startingSequenceNumber);
                })
                .shardIterator();
    }
}
