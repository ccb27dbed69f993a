package dev.pulse.local.bootstrap;

import dev.pulse.core.topology.StreamSpec;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/** Creates Kinesis streams on kinesalite with their local shard count. */
public final class StreamResources {
    private final KinesisClient kinesis;
    private final String prefix;

    public StreamResources(KinesisClient kinesis, String prefix) {
        this.kinesis = kinesis;
        this.prefix = prefix;
    }

    public String ensure(StreamSpec spec) {
        String name = prefix + spec.name();
        boolean created = false;
        try {
            kinesis.describeStreamSummary(d -> d.streamName(name));
        } catch (ResourceNotFoundException missing) {
            try {
                kinesis.createStream(c -> c.streamName(name).shardCount(spec.localShards()));
                created = true;
            } catch (ResourceInUseException raced) {
                // another process created it between the two calls; waiting below covers it
            }
        }
        KinesisWaiter.builder()
                .client(kinesis)
                .overrideConfiguration(w -> w.maxAttempts(150)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(200))))
                .build()
                .waitUntilStreamExists(d -> d.streamName(name));
        return (created ? "created" : "exists ") + "  stream " + name + " (" + spec.localShards() + " shards)";
    }
}
