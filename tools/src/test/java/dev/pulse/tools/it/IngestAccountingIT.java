package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.local.kinesis.MappingRun;
import dev.pulse.local.kinesis.MappingStats;
import dev.pulse.tools.firehose.PublisherStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exact-accounting test: simulated posts with 1% poison go through the real producer (KPL aggregates,
 * two shards) and the local runtime's event-source mapping into the ingest function, and every one is accounted
 * for. The size is {@code -Dpulse.ingest.accounting.posts} (default 100,000).
 */
class IngestAccountingIT {
    private static final int POSTS = Integer.getInteger("pulse.ingest.accounting.posts", 100_000);

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void givenSimulatedFirehoseWithPoison_whenPublishedAndDrained_thenEveryPostIsAccountedForExactly()
            throws Exception {
        try (ItPlatform platform = new ItPlatform(2)) {
            Set<String> tracked = SimulatedRun.track(platform);
            Expectations expected = new Expectations();

            long started = System.nanoTime();
            PublisherStats stats =
                    SimulatedRun.publish(platform.kinesis, platform.stream, POSTS, 2026, tracked, expected);
            long published = System.nanoTime();
            MappingStats delivered;
            List<String> discarded;
            try (MappingRun ingest = SimulatedRun.ingest(platform, Map.of())) {
                ingest.awaitCaughtUp(stats.lastSequenceNumbers(), Duration.ofMinutes(6));
                delivered = ingest.stats();
                discarded = ingest.discarded();
            }
            long drained = System.nanoTime();

            assertThat(stats.sent()).isEqualTo(POSTS);
            assertThat(delivered.processedRecords()).isEqualTo(stats.kinesisRecords());
            assertThat(discarded).as("batches the mapping gave up on").isEmpty();
            assertThat(expected.poison).isPositive();
            Verifier.pages(platform, expected);
            Verifier.posts(platform, expected);
            Verifier.quarantine(platform, expected);
            System.out.printf(
                    "accounting: posts=%d kinesis_records=%d pages=%d tracked_posts=%d poison=%d publish_ms=%d"
                            + " drain_ms=%d invocations=%d%n",
                    POSTS,
                    delivered.processedRecords(),
                    expected.pages.size(),
                    expected.trackedPosts.size(),
                    expected.poison,
                    (published - started) / 1_000_000,
                    (drained - published) / 1_000_000,
                    delivered.invocations());
        }
    }
}
