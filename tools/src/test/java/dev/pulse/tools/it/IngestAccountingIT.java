package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.tools.drain.StreamDrainer;
import dev.pulse.tools.firehose.PublisherStats;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exact-accounting test: simulated posts with 1% poison go through the real producer (KPL aggregates,
 * two shards), are drained through the handler, and every one is accounted for. The size is
 * {@code -Dpulse.ingest.accounting.posts} (default 100,000).
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
            StreamDrainer drainer = new StreamDrainer(
                    platform.kinesis, platform.stream, SimulatedRun.handler(platform.environment()), 100);
            long kinesisRecords = drainer.drain();
            long drained = System.nanoTime();

            assertThat(stats.sent()).isEqualTo(POSTS);
            assertThat(kinesisRecords).isEqualTo(stats.kinesisRecords());
            assertThat(expected.poison).isPositive();
            Verifier.pages(platform, expected);
            Verifier.posts(platform, expected);
            Verifier.quarantine(platform, expected);
            System.out.printf(
                    "accounting: posts=%d kinesis_records=%d pages=%d tracked_posts=%d poison=%d publish_ms=%d"
                            + " drain_ms=%d invocations=%d%n",
                    POSTS,
                    kinesisRecords,
                    expected.pages.size(),
                    expected.trackedPosts.size(),
                    expected.poison,
                    (published - started) / 1_000_000,
                    (drained - published) / 1_000_000,
                    drainer.invocations());
        }
    }
}
