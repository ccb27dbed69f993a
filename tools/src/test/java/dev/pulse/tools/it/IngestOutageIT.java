package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.tools.drain.StreamDrainer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OpenSearch-outage test, without stopping the shared OpenSearch: the handler reaches it through a proxy
 * that, mid-stream, refuses connections, then answers 503, then 429, for {@code -Dpulse.ingest.outage.seconds} (30)
 * in all. The counts afterwards are exactly those of an undisturbed run.
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
            SimulatedRun.publish(platform.kinesis, platform.stream, POSTS, 77, tracked, expected);
            Map<String, String> env = platform.environment();
            env.put(OpenSearchSettings.ENDPOINT, proxy.endpoint());
            env.put(OpenSearchSettings.TIMEOUT_MS, "3000");
            env.put(IngestConfig.RETRY_BUDGET_MS, "2000");
            StreamDrainer drainer = new StreamDrainer(platform.kinesis, platform.stream, SimulatedRun.handler(env), 5);

            // a thread of its own: Powertools' EMF logger completes futures on the common pool, which has one worker
            // here
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<Long> drained = background.submit((java.util.concurrent.Callable<Long>) drainer::drain);
            while (drainer.invocations() < 4 && !drained.isDone()) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            Duration phase = Duration.ofSeconds(OUTAGE_SECONDS).dividedBy(3);
            for (FaultyProxy.Mode mode : new FaultyProxy.Mode[] {
                FaultyProxy.Mode.REFUSE, FaultyProxy.Mode.ANSWER_503, FaultyProxy.Mode.ANSWER_429
            }) {
                proxy.mode(mode);
                TimeUnit.MILLISECONDS.sleep(phase.toMillis());
            }
            proxy.mode(FaultyProxy.Mode.PASS);
            drained.get(5, TimeUnit.MINUTES);
            background.shutdown();

            assertThat(proxy.faulted()).as("the outage hit the handler").isPositive();
            assertThat(drainer.failedInvocations())
                    .as("batches reported failures")
                    .isPositive();
            Verifier.pages(platform, expected);
            Verifier.posts(platform, expected);
            Verifier.quarantine(platform, expected);
            System.out.printf(
                    "outage: posts=%d invocations=%d failed_invocations=%d faulted=%d%n",
                    POSTS, drainer.invocations(), drainer.failedInvocations(), proxy.faulted());
        }
    }
}
