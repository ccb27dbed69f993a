package dev.pulse.local.kinesis;

import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunction;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * One Kinesis event-source mapping: finds the stream's shards (again every few seconds, for reshards), and runs one
 * consumer per shard on a virtual thread. A child shard starts only once its parent is drained, keeping per-key order.
 */
public final class StreamPoller implements AutoCloseable {
    private final KinesisClient kinesis;
    private final String stream;
    private final StreamMappingSpec mapping;
    private final LocalFunction function;
    private final CheckpointStore checkpoints;
    private final FailureDestination destination;
    private final KinesisEventFactory events;
    private final MappingStats stats = new MappingStats();
    private final MappingTuning tuning;
    private final JsonLog log;
    private final Clock clock;
    private final Map<String, ShardConsumer> consumers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private Thread discovery;

    public StreamPoller(
            KinesisClient kinesis,
            String stream,
            StreamMappingSpec mapping,
            LocalFunction function,
            CheckpointStore checkpoints,
            FailureDestination destination,
            LocalSettings settings,
            MappingTuning tuning,
            JsonLog log,
            Clock clock) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.mapping = mapping;
        this.function = function;
        this.checkpoints = checkpoints;
        this.destination = destination;
        this.events = KinesisEventFactory.forMapping(
                settings, stream, function.identity().name());
        this.tuning = tuning;
        this.log = log;
        this.clock = clock;
    }

    /** What this mapping has done since it started. */
    public MappingStats stats() {
        return stats;
    }

    public void start() {
        discovery = Thread.ofVirtual().name("poller-" + stream).start(this::discoverLoop);
    }

    private void discoverLoop() {
        boolean reportedMissing = false;
        while (running) {
            try {
                discover();
                reportedMissing = false;
            } catch (ResourceNotFoundException e) {
                if (!reportedMissing) {
                    log.runtime("WARN", "stream " + stream + " does not exist yet; the poller waits for it");
                    reportedMissing = true;
                }
            } catch (SdkException e) {
                log.runtime("WARN", "listing the shards of " + stream + " failed: " + e.getMessage());
            }
            try {
                Thread.sleep(tuning.shardDiscovery());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void discover() {
        List<Shard> shards = kinesis.listShards(l -> l.streamName(stream)).shards();
        Set<String> listed = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
        for (Shard shard : shards) {
            String parent = shard.parentShardId();
            boolean parentPending = parent != null && listed.contains(parent) && !checkpoints.ended(parent);
            if (!running || consumers.containsKey(shard.shardId()) || parentPending) {
                continue;
            }
            forgetIfStale(shard);
            BatchProcessor processor = new BatchProcessor(
                    mapping, function, events, checkpoints, destination, stats, tuning, log, clock, true);
            BatchProcessor lanes = new BatchProcessor(
                    mapping, function, events, checkpoints, destination, stats, tuning, log, clock, false);
            ShardConsumer consumer = new ShardConsumer(
                    kinesis, stream, shard.shardId(), mapping, checkpoints, processor, lanes, tuning, log, clock);
            consumers.put(shard.shardId(), consumer);
            threads.add(Thread.ofVirtual().name("shard-" + shard.shardId()).start(() -> {
                consumer.run();
                // A consumer that stopped on an error (Kinesis restarting, say) is started again by the next discovery.
                if (running && !checkpoints.ended(shard.shardId())) {
                    consumers.remove(shard.shardId(), consumer);
                }
            }));
        }
    }

    /**
     * kinesalite keeps streams in memory while checkpoints live on disk, so after a restart the stream is new and the
     * checkpoints are an earlier stream's: a sequence number below the shard's first one, or an end mark on an open
     * shard, cannot be this shard's. Such a checkpoint is dropped and the shard read from the starting position, as
     * Lambda does for a new stream (resuming after it would fail on every start and ingest nothing).
     */
    private void forgetIfStale(Shard shard) {
        String id = shard.shardId();
        boolean staleSequence = checkpoints
                .get(id)
                .map(s -> new BigInteger(s)
                                .compareTo(new BigInteger(
                                        shard.sequenceNumberRange().startingSequenceNumber()))
                        < 0)
                .orElse(false);
        boolean staleEnd = checkpoints.ended(id) && shard.sequenceNumberRange().endingSequenceNumber() == null;
        if (staleSequence || staleEnd) {
            log.runtime(
                    "WARN",
                    "checkpoint of " + stream + "/" + id
                            + " belongs to an earlier stream of that name; dropped, reading" + " from "
                            + mapping.startingPosition());
            checkpoints.forget(id);
        }
    }

    /** Stops polling; batches being delivered finish (up to the function's timeout) and stay committed or not. */
    @Override
    public void close() {
        running = false;
        if (discovery != null) {
            discovery.interrupt();
        }
        consumers.values().forEach(ShardConsumer::stop);
        List<Thread> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(threads);
        }
        long deadline =
                System.currentTimeMillis() + function.identity().timeout().toMillis() + 1_000;
        for (Thread thread : snapshot) {
            try {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || !thread.join(java.time.Duration.ofMillis(left))) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
