package dev.pulse.local.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.local.LocalSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping's events name the stream, region and account from the local settings, never a literal. */
class KinesisEventFactoryTest {
    private static final StreamRecord RECORD = new StreamRecord(
            "shardId-000000000001",
            "49590338271490256608559692538361571095921575989136588898",
            "page-1",
            "{}".getBytes(StandardCharsets.UTF_8),
            Instant.ofEpochMilli(1545084650987L));

    @Test
    void givenRegionInTheEnvironment_whenBuiltForAMapping_thenEveryArnCarriesItAndTheLocalAccount() {
        LocalSettings settings = LocalSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        KinesisEventFactory factory = KinesisEventFactory.forMapping(settings, "posts-it", "ingest");
        JsonNode record = factory.event(List.of(RECORD)).get("Records").get(0);

        assertThat(factory.streamArn()).isEqualTo("arn:aws:kinesis:eu-west-1:000000000000:stream/posts-it");
        assertThat(record.get("eventSourceARN").asText()).isEqualTo(factory.streamArn());
        assertThat(record.get("awsRegion").asText()).isEqualTo("eu-west-1");
        assertThat(record.get("invokeIdentityArn").asText()).isEqualTo("arn:aws:iam::000000000000:role/ingest-role");
        assertThat(record.get("eventID").asText()).isEqualTo(RECORD.shardId() + ":" + RECORD.sequenceNumber());
    }

    @Test
    void givenNoRegion_whenBuiltForAMapping_thenTheLocalProfilesRegionIsUsed() {
        LocalSettings settings = LocalSettings.fromEnvironment(Map.of());

        KinesisEventFactory factory = KinesisEventFactory.forMapping(settings, "posts", "ingest");

        assertThat(settings.region())
                .isEqualTo(LocalProfile.environment(Map.of()).get(PulseConfig.REGION));
        assertThat(factory.streamArn())
                .isEqualTo("arn:aws:kinesis:" + settings.region() + ":000000000000:stream/posts");
    }
}
