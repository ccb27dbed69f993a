package dev.pulse.tools.firehose;

import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Publishes user records to Kinesis in KPL aggregates (one aggregator per shard, up to a byte budget, lingering at
 * most {@code linger}), through PutRecords calls of at most 500 records / 5 MB. Failed entries (throttling, internal
 * errors) are put again with backoff; while they are, the bounded queue fills and {@link #publish} blocks: that is
 * the backpressure. A record that Kinesis can never accept (over its record limit) is not dropped: it goes to the
 * {@link DeadLetterFile} with its reason and is counted.
 */
public final class KinesisPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KinesisPublisher.class);
    private static final int MAX_ENTRIES = 500;
    private static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;
    /** Kinesis's 1 MiB record limit, less the aggregate's framing. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024 - 1024;

    private final KinesisClient kinesis;
    private final String stream;
    private final ShardRouter router;
    private final int aggregateBytes;
    private final Duration linger;
    private final Map<String, Aggregator> aggregators = new HashMap<>();
    private final BlockingQueue<Pending> queue;
    private final PublisherStats stats = new PublisherStats();
    private final DeadLetterFile deadLetters;
    private final Thread sender;
    private volatile boolean closing;
    private long lastDrain = System.nanoTime();

    /** A publisher whose dead letters go to {@link DeadLetterFile#DEFAULT}. */
    public KinesisPublisher(KinesisClient kinesis, String stream, int aggregateBytes, int maxQueuedAggregates) {
        this(kinesis, stream, aggregateBytes, maxQueuedAggregates, new DeadLetterFile(DeadLetterFile.DEFAULT));
    }

    public KinesisPublisher(
            KinesisClient kinesis,
            String stream,
            int aggregateBytes,
            int maxQueuedAggregates,
            DeadLetterFile deadLetters) {
        this(
                kinesis,
                stream,
                ShardRouter.of(kinesis, stream),
                aggregateBytes,
                maxQueuedAggregates,
                Duration.ofMillis(200),
                deadLetters);
    }

    KinesisPublisher(
            KinesisClient kinesis,
            String stream,
            ShardRouter router,
            int aggregateBytes,
            int maxQueuedAggregates,
            Duration linger,
            DeadLetterFile deadLetters) {
        this.kinesis = kinesis;
        this.deadLetters = deadLetters;
        this.stream = stream;
        this.router = router;
        this.aggregateBytes = aggregateBytes;
        this.linger = linger;
        this.queue = new ArrayBlockingQueue<>(maxQueuedAggregates);
        this.sender = Thread.ofPlatform().name("firehose-sender").daemon().start(this::sendLoop);
    }

    public PublisherStats stats() {
        return stats;
    }

    public DeadLetterFile deadLetters() {
        return deadLetters;
    }

    /** Adds a record; blocks while the queue of aggregates is full. */
    public void publish(UserRecord record) throws InterruptedException {
        int size = record.data().length + record.partitionKey().length();
        if (size > MAX_RECORD_BYTES) {
            // Kinesis would refuse the whole PutRecords call for it, forever; it cannot be sent, only kept
            String reason = "over the Kinesis record limit: " + size + " bytes with its partition key, at most "
                    + MAX_RECORD_BYTES;
            deadLetters.write(record, reason);
            stats.deadLettered.incrementAndGet();
            LOG.warn(
                    "a {}-byte record of {} written to {}: {}",
                    size,
                    record.partitionKey(),
                    deadLetters.path(),
                    reason);
            return;
        }
        ShardRouter.Range shard = router.route(record.partitionKey());
        stats.accepted.incrementAndGet();
        List<Pending> full = new ArrayList<>(1);
        synchronized (aggregators) {
            aggregators
                    .computeIfAbsent(shard.shardId(), id -> new Aggregator(aggregateBytes))
                    .add(record)
                    .ifPresent(aggregate -> full.add(new Pending(aggregate, shard)));
        }
        for (Pending pending : full) {
            queue.put(pending);
        }
        if (System.nanoTime() - lastDrain > linger.toNanos()) {
            drainAggregators();
        }
    }

    /** Sends everything accepted so far and waits until Kinesis has acknowledged it. */
    public void flush() throws InterruptedException {
        drainAggregators();
        while (stats.backlog() > 0) {
            TimeUnit.MILLISECONDS.sleep(20);
            drainAggregators();
        }
    }

    /** Flushes, then stops the sender; an interrupt stops waiting and is passed on. */
    @Override
    public void close() {
        try {
            flush();
            closing = true;
            sender.join(5_000);
        } catch (InterruptedException e) {
            closing = true;
            Thread.currentThread().interrupt();
        } finally {
            deadLetters.close();
        }
    }

    private void drainAggregators() throws InterruptedException {
        List<Pending> drained = new ArrayList<>();
        synchronized (aggregators) {
            lastDrain = System.nanoTime();
            aggregators.forEach((shardId, aggregator) ->
                    aggregator.drain().ifPresent(aggregate -> drained.add(new Pending(aggregate, routeOf(shardId)))));
        }
        for (Pending pending : drained) {
            queue.put(pending);
        }
    }

    private ShardRouter.Range routeOf(String shardId) {
        return router.byShard(shardId);
    }

    private void sendLoop() {
        List<Pending> retry = new ArrayList<>();
        int attempt = 0;
        while (!closing || !queue.isEmpty() || !retry.isEmpty()) {
            List<Pending> request = new ArrayList<>(retry);
            retry.clear();
            try {
                if (request.isEmpty()) {
                    Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    request.add(first);
                }
                fill(request);
                retry.addAll(put(request));
                // back off harder only while nothing gets through; partial success means the stream is keeping up
                attempt = retry.size() < request.size() ? 0 : attempt + 1;
                if (!retry.isEmpty()) {
                    Backoff.sleep(Backoff.DEFAULT.delay(attempt));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void fill(List<Pending> request) {
        int bytes = request.stream().mapToInt(Pending::size).sum();
        Pending next;
        while (request.size() < MAX_ENTRIES
                && (next = queue.peek()) != null
                && bytes + next.size() <= MAX_REQUEST_BYTES) {
            request.add(queue.poll());
            bytes += next.size();
        }
    }

    /** One PutRecords call; returns the entries to put again. */
    private List<Pending> put(List<Pending> request) {
        List<PutRecordsRequestEntry> entries = request.stream()
                .map(p -> PutRecordsRequestEntry.builder()
                        .partitionKey(p.aggregate().partitionKey())
                        .explicitHashKey(p.shard().start().toString())
                        .data(SdkBytes.fromByteArrayUnsafe(p.aggregate().data()))
                        .build())
                .toList();
        PutRecordsResponse response;
        try {
            response = kinesis.putRecords(r -> r.streamName(stream).records(entries));
        } catch (SdkException e) {
            LOG.warn("PutRecords failed, retrying {} records: {}", request.size(), e.getMessage());
            request.forEach(this::countRetry);
            return request;
        }
        List<Pending> failed = new ArrayList<>();
        List<PutRecordsResultEntry> results = response.records();
        for (int i = 0; i < results.size(); i++) {
            Pending pending = request.get(i);
            if (results.get(i).errorCode() == null) {
                stats.sent.addAndGet(pending.aggregate().userRecords());
                stats.acknowledged(results.get(i).shardId(), results.get(i).sequenceNumber());
                stats.kinesisRecords.incrementAndGet();
            } else {
                if ("ProvisionedThroughputExceededException"
                        .equals(results.get(i).errorCode())) {
                    stats.throttled.incrementAndGet();
                }
                countRetry(pending);
                failed.add(pending);
            }
        }
        return failed;
    }

    private void countRetry(Pending pending) {
        stats.retried.addAndGet(pending.aggregate().userRecords());
    }

    private record Pending(Aggregator.Aggregate aggregate, ShardRouter.Range shard) {
        int size() {
            return aggregate.data().length + aggregate.partitionKey().length();
        }
    }
}
