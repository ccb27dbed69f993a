package dev.pulse.cdk.stacks;

import dev.pulse.cdk.FixtureTopology;
import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.StreamCapacity;
import dev.pulse.core.topology.StreamSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class StreamStackTest {
    @Test
    void postsStream_isEncryptedWithARotatingCustomerKey() {
        var template = Synth.dev().template("Stream");
        template.hasResourceProperties(
                "AWS::Kinesis::Stream",
                Match.objectLike(Map.of(
                        "Name",
                        "pulse-dev-posts",
                        "StreamEncryption",
                        Map.of("EncryptionType", "KMS", "KeyId", Match.anyValue()))));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
    }

    @Test
    void modeShardsAndRetention_comeFromTheTopologyForEachStage() {
        StreamSpec posts = PulseTopology.define().streams().getFirst();
        for (Synth app : new Synth[] {Synth.dev(), Synth.prod()}) {
            StreamCapacity capacity = posts.capacityIn(app.config().stage());
            app.template("Stream")
                    .hasResourceProperties(
                            "AWS::Kinesis::Stream",
                            Match.objectLike(Map.of(
                                    "Name",
                                    app.config().prefix() + "-" + posts.name(),
                                    "ShardCount",
                                    capacity.shards(),
                                    "StreamModeDetails",
                                    Map.of("StreamMode", "PROVISIONED"),
                                    "RetentionPeriodHours",
                                    (int) posts.retention().toHours())));
        }
    }

    @Test
    void today_devHasOneShardAndProdSixteen_keptForADay() {
        Synth.dev()
                .template("Stream")
                .hasResourceProperties(
                        "AWS::Kinesis::Stream",
                        Match.objectLike(Map.of(
                                "ShardCount", 1,
                                "StreamModeDetails", Map.of("StreamMode", "PROVISIONED"),
                                "RetentionPeriodHours", 24)));
        Synth.prod()
                .template("Stream")
                .hasResourceProperties(
                        "AWS::Kinesis::Stream", Match.objectLike(Map.of("ShardCount", 16, "RetentionPeriodHours", 24)));
    }

    @Test
    void givenAnOnDemandStreamInTheTopology_thenTheStackDeclaresOnDemandWithoutShards() {
        Synth.fixture()
                .template("Stream")
                .hasResourceProperties(
                        "AWS::Kinesis::Stream",
                        Match.objectLike(Map.of(
                                "Name",
                                "pulse-dev-" + FixtureTopology.REPORT_EVENTS_STREAM,
                                "StreamModeDetails",
                                Map.of("StreamMode", "ON_DEMAND"),
                                "RetentionPeriodHours",
                                48,
                                "ShardCount",
                                Match.absent())));
    }
}
