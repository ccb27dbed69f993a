package dev.pulse.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

class KinesisIT {
    private final KinesisClient kinesis = new AwsClients(LocalPlatform.config()).kinesis();
    private final String stream = Unique.name("it-stream");

    @AfterEach
    void deleteStream() {
        try {
            kinesis.deleteStream(d -> d.streamName(stream));
        } catch (ResourceNotFoundException ignored) {
            // the failure-case test never created it
        }
        kinesis.close();
    }

    @Test
    void givenRecord_whenPut_thenReadFromItsShard() {
        kinesis.createStream(c -> c.streamName(stream).shardCount(1));
        KinesisWaiter.builder()
                .client(kinesis)
                .overrideConfiguration(w -> w.maxAttempts(150)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(200))))
                .build()
                .waitUntilStreamExists(d -> d.streamName(stream));

        var put = kinesis.putRecord(p -> p.streamName(stream)
                .partitionKey("page-1")
                .data(SdkBytes.fromString("{\"id\":\"1_2\"}", StandardCharsets.UTF_8)));
        String iterator = kinesis.getShardIterator(g ->
                        g.streamName(stream).shardId(put.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        var records = kinesis.getRecords(g -> g.shardIterator(iterator)).records();

        assertThat(records).hasSize(1);
        assertThat(records.getFirst().partitionKey()).isEqualTo("page-1");
        assertThat(records.getFirst().sequenceNumber()).isEqualTo(put.sequenceNumber());
        assertThat(records.getFirst().data().asUtf8String()).isEqualTo("{\"id\":\"1_2\"}");
    }

    @Test
    void givenMissingStream_whenPut_thenResourceNotFound() {
        assertThatThrownBy(() -> kinesis.putRecord(
                        p -> p.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
