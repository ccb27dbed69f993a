package dev.pulse.local.kinesis;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.lambda.FunctionIdentity;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/** A unique stream on kinesalite, a scripted function, and a poller for it, with quick local timings. */
final class MappingFixture implements AutoCloseable {
    static final MappingTuning FAST = new MappingTuning(
            Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(200));

    final KinesisClient kinesis = new AwsClients(LocalPlatform.config()).kinesis();
    final LocalSettings settings = LocalSettings.fromEnvironment(System.getenv());
    final String stream;
    final String function;
    final List<String> destination = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    MappingFixture(String stream, String function, int shards) {
        this.stream = stream;
        this.function = function;
        kinesis.createStream(c -> c.streamName(stream).shardCount(shards));
        KinesisWaiter.builder()
                .client(kinesis)
                .overrideConfiguration(w -> w.maxAttempts(150)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(200))))
                .build()
                .waitUntilStreamExists(d -> d.streamName(stream));
    }

    static StreamMappingSpec mapping(
            String stream, String function, int batchSize, boolean bisect, int maxRetries, Duration maxAge) {
        return mapping(stream, function, batchSize, bisect, maxRetries, maxAge, 1);
    }

    static StreamMappingSpec mapping(
            String stream,
            String function,
            int batchSize,
            boolean bisect,
            int maxRetries,
            Duration maxAge,
            int parallelizationFactor) {
        return new StreamMappingSpec(
                stream,
                function,
                batchSize,
                Duration.ZERO,
                StreamMappingSpec.StartingPosition.TRIM_HORIZON,
                true,
                bisect,
                maxRetries,
                maxAge,
                parallelizationFactor,
                "unused");
    }

    /** Puts the payloads in order with one partition key, so they land on one shard; returns their sequence numbers. */
    List<String> put(String partitionKey, List<String> payloads) {
        var entries = payloads.stream()
                .map(p -> PutRecordsRequestEntry.builder()
                        .partitionKey(partitionKey)
                        .data(SdkBytes.fromUtf8String(p))
                        .build())
                .toList();
        return kinesis.putRecords(p -> p.streamName(stream).records(entries)).records().stream()
                .map(r -> r.sequenceNumber())
                .toList();
    }

    LocalFunction function(Duration timeout) {
        FunctionIdentity identity = new FunctionIdentity(function, settings.functionArn(function), 256, timeout);
        LocalFunction local = new LocalFunction(
                identity, ScriptedKinesisFunction.class.getName(), Map.of(), 2, new JsonLog(System.out, false));
        open.add(local);
        return local;
    }

    StreamPoller poller(
            StreamMappingSpec mapping, CheckpointStore checkpoints, FailureDestination failures, Clock clock) {
        StreamPoller poller = new StreamPoller(
                kinesis,
                stream,
                mapping,
                function(Duration.ofSeconds(10)),
                checkpoints,
                failures,
                settings,
                FAST,
                new JsonLog(System.out, false),
                clock);
        open.add(poller);
        poller.start();
        return poller;
    }

    FileCheckpointStore checkpoints(Path directory) {
        return FileCheckpointStore.forMapping(directory, stream, function);
    }

    /** The stream's first shard, which holds every record of the single-shard streams these tests use. */
    String firstShard() {
        return kinesis.listShards(l -> l.streamName(stream)).shards().getFirst().shardId();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        try {
            kinesis.deleteStream(d -> d.streamName(stream));
        } catch (ResourceNotFoundException ignored) {
            // already gone
        }
        kinesis.close();
    }
}
