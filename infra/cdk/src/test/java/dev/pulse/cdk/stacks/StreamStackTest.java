package dev.pulse.cdk.stacks;

import dev.pulse.cdk.Synth;
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
    void modeAndShards_comeFromTheEnvironment() {
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
                        "AWS::Kinesis::Stream",
                        Match.objectLike(Map.of(
                                "ShardCount",
                                Synth.prod().config().stream().shards(),
                                "StreamModeDetails",
                                Map.of("StreamMode", "PROVISIONED"))));
    }
}
