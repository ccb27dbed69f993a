package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.StreamCapacity;
import dev.pulse.core.topology.StreamSpec;
import dev.pulse.core.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/** The Kinesis streams of the topology, KMS-encrypted with a customer key, sized and kept as the topology says. */
public final class StreamStack extends Stack {
    private final Map<String, IStream> streams = new LinkedHashMap<>();

    public StreamStack(Construct scope, String id, StackProps props, EnvironmentConfig config, Topology topology) {
        super(scope, id, props);
        Key key = Key.Builder.create(this, "StreamKey")
                .description("Encrypts the Pulse " + config.name() + " Kinesis streams")
                .enableKeyRotation(true)
                .removalPolicy(config.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        for (StreamSpec spec : topology.streams()) {
            StreamCapacity capacity = spec.capacityIn(config.stage());
            Stream.Builder stream = Stream.Builder.create(this, "Stream-" + spec.name())
                    .streamName(config.prefix() + "-" + spec.name())
                    .encryption(StreamEncryption.KMS)
                    .encryptionKey(key)
                    .retentionPeriod(Duration.hours(spec.retention().toHours()))
                    .removalPolicy(config.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
            if (capacity.onDemand()) {
                stream.streamMode(StreamMode.ON_DEMAND);
            } else {
                stream.streamMode(StreamMode.PROVISIONED).shardCount(capacity.shards());
            }
            streams.put(spec.name(), stream.build());
        }
    }

    public IStream stream(String name) {
        return Lookup.require(streams, name, "stream");
    }

    public Map<String, IStream> streams() {
        return Map.copyOf(streams);
    }
}
