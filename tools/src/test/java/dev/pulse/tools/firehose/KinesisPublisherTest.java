package dev.pulse.tools.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class KinesisPublisherTest {
    private static final BigInteger HALF = BigInteger.TWO.pow(127);

    /** Accepts every other call in full and throttles every entry of the others; keeps what it accepted. */
    private static final class FlakyKinesis implements KinesisClient {
        final List<byte[]> stored = Collections.synchronizedList(new ArrayList<>());
        final List<String> hashKeys = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            boolean throttle = calls.incrementAndGet() % 2 == 1;
            List<PutRecordsResultEntry> results = new ArrayList<>();
            for (var entry : request.records()) {
                if (throttle) {
                    results.add(PutRecordsResultEntry.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .build());
                } else {
                    stored.add(entry.data().asByteArray());
                    hashKeys.add(entry.explicitHashKey());
                    results.add(PutRecordsResultEntry.builder()
                            .sequenceNumber(Integer.toString(stored.size()))
                            .shardId("s")
                            .build());
                }
            }
            return PutRecordsResponse.builder().records(results).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }

    @Test
    void givenThrottledEntries_whenPublished_thenEachRecordArrivesOnceOnItsShard(@TempDir Path dir) throws Exception {
        Path deadLetter = dir.resolve("dead-letter.jsonl");
        FlakyKinesis kinesis = new FlakyKinesis();
        ShardRouter router = new ShardRouter(List.of(
                new ShardRouter.Range("shard-0", BigInteger.ZERO, HALF.subtract(BigInteger.ONE)),
                new ShardRouter.Range("shard-1", HALF, BigInteger.TWO.pow(128).subtract(BigInteger.ONE))));
        List<String> sent = new ArrayList<>();
        byte[] huge = new byte[KinesisPublisher.MAX_RECORD_BYTES + 1];
        huge[0] = (byte) 0xFF; // not UTF-8: kept byte for byte
        try (KinesisPublisher publisher = new KinesisPublisher(
                kinesis, "s", router, 1024, 4, Duration.ofMillis(10), new DeadLetterFile(deadLetter))) {
            for (int i = 0; i < 500; i++) {
                String payload = "post-" + i;
                sent.add(payload);
                publisher.publish(new UserRecord("page-" + (i % 13), payload.getBytes(StandardCharsets.UTF_8)));
            }
            publisher.publish(new UserRecord("huge", huge));
            publisher.flush();

            assertThat(publisher.stats().sent()).isEqualTo(500);
            assertThat(publisher.stats().throttled()).isPositive();
            assertThat(publisher.stats().deadLettered()).isEqualTo(1);
            assertThat(publisher.stats().backlog()).isZero();
            assertThat(publisher.stats().lastSequenceNumbers())
                    .containsEntry("s", Integer.toString(kinesis.stored.size()));
        }
        List<String> received = new ArrayList<>();
        for (int i = 0; i < kinesis.stored.size(); i++) {
            String hashKey = kinesis.hashKeys.get(i);
            for (UserRecord user : AggregatedRecords.decode(kinesis.stored.get(i), "")) {
                received.add(new String(user.data(), StandardCharsets.UTF_8));
                assertThat(router.route(user.partitionKey()).start().toString()).isEqualTo(hashKey);
            }
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        List<String> lines = Files.readAllLines(deadLetter);
        assertThat(lines).hasSize(1);
        JsonNode entry = Json.mapper().readTree(lines.getFirst());
        assertThat(entry.path("reason").asText()).contains("over the Kinesis record limit");
        assertThat(entry.path("partitionKey").asText()).isEqualTo("huge");
        assertThat(entry.path("bytes").asInt()).isEqualTo(huge.length);
        assertThat(Base64.getDecoder().decode(entry.path("data").asText())).isEqualTo(huge);
    }
}
