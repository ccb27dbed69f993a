package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.tools.firehose.KinesisPublisher;
import dev.pulse.tools.firehose.SimRecord;
import dev.pulse.tools.firehose.Simulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** The throttling test: Kinesis throttling makes the producer retry, and every post lands exactly once. */
class FirehoseThrottlingIT {
    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void givenThrottledStream_whenPublishing_thenFailedEntriesAreRetriedAndNothingIsLostOrDoubled() throws Exception {
        try (ItPlatform platform = new ItPlatform(2)) {
            ThrottlingKinesis throttling = new ThrottlingKinesis(platform.kinesis, 30);
            Simulator simulator = new Simulator(5, 2_000, 0.01, 20_000, Simulator.logicalClock(Instant.EPOCH));
            Map<String, Integer> sent = new HashMap<>();
            long retried;
            try (KinesisPublisher publisher = new KinesisPublisher(throttling, platform.stream, 8 * 1024, 16)) {
                for (int i = 0; i < 10_000; i++) {
                    SimRecord record = simulator.next();
                    sent.merge(fingerprint(record.payload()), 1, Integer::sum);
                    publisher.publish(new UserRecord(record.partitionKey(), record.payload()));
                }
                publisher.flush();
                assertThat(publisher.stats().sent()).isEqualTo(10_000);
                assertThat(publisher.stats().throttled()).isPositive();
                retried = publisher.stats().retried();
            }

            assertThat(throttling.rejectedEntries).hasPositiveValue();
            assertThat(retried).isPositive();
            assertThat(readAll(platform)).isEqualTo(sent);
        }
    }

    /** Every user record on the stream, by the SHA-256 of its payload, with how often it arrived. */
    static Map<String, Integer> readAll(ItPlatform platform) {
        Map<String, Integer> received = new HashMap<>();
        for (var shard :
                platform.kinesis.listShards(l -> l.streamName(platform.stream)).shards()) {
            String iterator = platform.kinesis
                    .getShardIterator(g -> g.streamName(platform.stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            for (int empty = 0; empty < 2; ) {
                String current = iterator;
                GetRecordsResponse response = platform.kinesis.getRecords(g -> g.shardIterator(current));
                empty = response.records().isEmpty() ? empty + 1 : 0;
                for (var record : response.records()) {
                    List<UserRecord> users =
                            AggregatedRecords.decode(record.data().asByteArray(), record.partitionKey());
                    users.forEach(u -> received.merge(fingerprint(u.data()), 1, Integer::sum));
                }
                iterator = response.nextShardIterator();
            }
        }
        return received;
    }

    static String fingerprint(byte[] payload) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
