package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.ingest.domain.PoisonReason;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.local.kinesis.MappingRun;
import dev.pulse.tools.firehose.KinesisPublisher;
import dev.pulse.tools.firehose.PublisherStats;
import dev.pulse.tools.track.AdminTracking;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Poison times through the real stack: one KPL aggregate (one shard, so one Kinesis record) holds good posts and posts
 * whose times lie outside ingest's window, among them a year that overflows the epoch-ms version. Before the window,
 * that record failed its whole batch until the mapping gave up on it; now each bad post is quarantined as {@code
 * INVALID_VALUE} and the rest are indexed, with no batch failure.
 */
class IngestTimeWindowIT {
    private static final String PAGE = "810000000001";
    private static final int GOOD = 20;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void givenPoisonTimesInsideAnAggregate_whenIngested_thenTheyAreQuarantinedAndTheRestIndexed() throws Exception {
        try (ItPlatform platform = new ItPlatform(1)) {
            new AdminTracking(platform.dynamo, platform.table).track(Set.of(PAGE));
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
            Expectations expected = new Expectations();
            List<String> poison = List.of(
                    post(1_000, "2026-01-01T00:00:00Z", "+300000000-01-01T00:00:00Z"),
                    post(1_001, "2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z"),
                    post(1_002, "1970-01-01T00:00:00Z", null),
                    post(1_003, base.plus(Duration.ofDays(30)).toString(), null));
            PublisherStats stats;
            try (KinesisPublisher publisher = new KinesisPublisher(platform.kinesis, platform.stream, 64 * 1024, 16)) {
                for (int i = 0; i < GOOD; i++) {
                    Instant created = base.plusSeconds(i);
                    publish(publisher, post(i, created.toString(), null));
                    expected.trackedPosts.put(PAGE + "_" + i, created);
                    if (i == GOOD / 2) {
                        poison.forEach(bad -> publish(publisher, bad));
                    }
                }
                publisher.flush();
                stats = publisher.stats();
            }
            Instant newest = base.plusSeconds(GOOD - 1);
            expected.pages.put(PAGE, new PageDocument(PAGE, "Window Café", null, null, 10, false, newest));
            for (String bad : poison) {
                byte[] payload = bad.getBytes(StandardCharsets.UTF_8);
                String key = Expectations.fingerprint(payload, payload.length);
                expected.poisonReasons.put(key, PoisonReason.INVALID_VALUE);
                expected.poisonCounts.put(key, 1);
                expected.poison++;
            }

            List<String> discarded;
            long failedInvocations;
            try (MappingRun ingest = SimulatedRun.ingest(platform, Map.of())) {
                ingest.awaitCaughtUp(stats.lastSequenceNumbers(), Duration.ofMinutes(2));
                discarded = ingest.discarded();
                failedInvocations = ingest.stats().failedInvocations();
            }

            assertThat(stats.kinesisRecords())
                    .as("one aggregate carries good and bad posts")
                    .isEqualTo(1);
            assertThat(discarded).as("records the mapping gave up on").isEmpty();
            assertThat(failedInvocations)
                    .as("invocations that failed the batch")
                    .isZero();
            Verifier.pages(platform, expected);
            Verifier.posts(platform, expected);
            Verifier.quarantine(platform, expected);
        }
    }

    private static void publish(KinesisPublisher publisher, String json) {
        try {
            publisher.publish(new UserRecord(PAGE, json.getBytes(StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String post(int n, String created, String updated) {
        return "{\"id\":\"" + PAGE + "_" + n + "\",\"from\":{\"id\":\"" + PAGE + "\",\"name\":\"Window Café\","
                + "\"fan_count\":10},\"message\":\"post " + n + "\",\"created_time\":\"" + created + "\""
                + (updated == null ? "" : ",\"updated_time\":\"" + updated + "\"") + "}";
    }
}
