package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.local.kinesis.MappingRun;
import dev.pulse.local.kinesis.MappingStats;
import dev.pulse.tools.firehose.PublisherStats;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OpenSearch-outage test, without stopping the shared OpenSearch: the ingest function, behind the local
 * runtime's event-source mapping, reaches it through a proxy. Once the first half of the posts is processed, the proxy
 * refuses connections, then answers 503, then 429, for {@code -Dpulse.ingest.outage.seconds} (30) in all, while the
 * second half arrives. The counts afterwards are exactly those of an undisturbed run. The outage must end before the
 * mapping's retries run out (ten, backing off to 5 s: about 50 s here), or the records are given up on, as in Lambda.
 */
class IngestOutageIT {
    private static final int POSTS = Integer.getInteger("pulse.ingest.outage.posts", 30_000);
    private static final int OUTAGE_SECONDS = Integer.getInteger("pulse.ingest.outage.seconds", 30);

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void givenOpenSearchDownMidStream_whenItRecovers_thenNothingIsLostOrDuplicated() throws Exception {
        int upstream = URI.create(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT))
                .getPort();
        try (ItPlatform platform = new ItPlatform(2);
                FaultyProxy proxy = new FaultyProxy(upstream)) {
            Set<String> tracked = SimulatedRun.track(platform);
            Expectations expected = new Expectations();
            Map<String, String> overrides = Map.of(
                    OpenSearchSettings.ENDPOINT, proxy.endpoint(),
                    OpenSearchSettings.TIMEOUT_MS, "3000",
                    IngestConfig.RETRY_BUDGET_MS, "2000");
            MappingStats delivered;
            List<String> discarded;
            try (MappingRun ingest = SimulatedRun.ingest(platform, overrides)) {
                PublisherStats stats = SimulatedRun.publish(
                        platform.kinesis, platform.stream, POSTS, 77, tracked, expected, POSTS / 2, firstHalf -> {
                            ingest.awaitCaughtUp(firstHalf.lastSequenceNumbers(), Duration.ofMinutes(3));
                            proxy.mode(FaultyProxy.Mode.REFUSE);
                        });
                Duration phase = Duration.ofSeconds(OUTAGE_SECONDS).dividedBy(3);
                TimeUnit.MILLISECONDS.sleep(phase.toMillis());
                proxy.mode(FaultyProxy.Mode.ANSWER_503);
                TimeUnit.MILLISECONDS.sleep(phase.toMillis());
                proxy.mode(FaultyProxy.Mode.ANSWER_429);
                TimeUnit.MILLISECONDS.sleep(phase.toMillis());
                proxy.mode(FaultyProxy.Mode.PASS);
                ingest.awaitCaughtUp(stats.lastSequenceNumbers(), Duration.ofMinutes(5));
                delivered = ingest.stats();
                discarded = ingest.discarded();
            }

            assertThat(proxy.faulted()).as("the outage hit the handler").isPositive();
            assertThat(delivered.failedInvocations())
                    .as("batches reported failures")
                    .isPositive();
            assertThat(discarded).as("batches the mapping gave up on").isEmpty();
            Verifier.pages(platform, expected);
            Verifier.posts(platform, expected);
            Verifier.quarantine(platform, expected);
            System.out.printf(
                    "outage: posts=%d invocations=%d failed_invocations=%d faulted=%d%n",
                    POSTS, delivered.invocations(), delivered.failedInvocations(), proxy.faulted());
        }
    }
}
