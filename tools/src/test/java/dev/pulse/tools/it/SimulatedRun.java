package dev.pulse.tools.it;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.local.kinesis.MappingRun;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.tools.firehose.KinesisPublisher;
import dev.pulse.tools.firehose.PublisherStats;
import dev.pulse.tools.firehose.SimRecord;
import dev.pulse.tools.firehose.Simulator;
import dev.pulse.tools.track.AdminTracking;
import dev.pulse.tools.track.TrackCommand;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Seeds tracked pages, publishes simulated posts through the real producer, and runs the ingest function. */
final class SimulatedRun {
    static final int PAGES = 5_000;
    static final int MAX_POST_BYTES = 16 * 1024;

    private SimulatedRun() {}

    /** The 200 most popular pages and every tenth page after them: a mix of hot and cold tracked pages. */
    static Set<String> track(ItPlatform platform) {
        Set<String> tracked = new HashSet<>(TrackCommand.top(200));
        for (int rank = 200; rank < PAGES; rank += 10) {
            tracked.add(Simulator.pageId(rank));
        }
        new AdminTracking(platform.dynamo, platform.table).track(tracked);
        return tracked;
    }

    static PublisherStats publish(
            KinesisClient kinesis, String stream, int posts, long seed, Set<String> tracked, Expectations expected)
            throws InterruptedException {
        return publish(kinesis, stream, posts, seed, tracked, expected, posts, sent -> {});
    }

    /**
     * Publishes {@code posts} simulated posts; after the first {@code pauseAfter} are acknowledged, hands their
     * statistics to {@code pause} and goes on once it returns, so a test can act mid-stream.
     */
    static PublisherStats publish(
            KinesisClient kinesis,
            String stream,
            int posts,
            long seed,
            Set<String> tracked,
            Expectations expected,
            int pauseAfter,
            Pause pause)
            throws InterruptedException {
        Simulator simulator = new Simulator(
                seed,
                PAGES,
                0.01,
                MAX_POST_BYTES + 4096,
                Simulator.logicalClock(Instant.parse("2026-11-25T23:59:30Z")));
        try (KinesisPublisher publisher = new KinesisPublisher(kinesis, stream, 64 * 1024, 256)) {
            for (int i = 0; i < posts; i++) {
                if (i == pauseAfter) {
                    publisher.flush();
                    pause.at(publisher.stats());
                }
                SimRecord record = simulator.next();
                expected.add(record, tracked);
                publisher.publish(new UserRecord(record.partitionKey(), record.payload()));
            }
            publisher.flush();
            return publisher.stats();
        }
    }

    /**
     * The ingest function as {@code ./pulse run} runs it, behind the topology's event-source mapping, on the platform's
     * stream and resources, with {@code overrides} on top (an OpenSearch proxy, shorter limits).
     */
    static MappingRun ingest(ItPlatform platform, Map<String, String> overrides) {
        Map<String, String> environment = platform.environment();
        environment.put(IngestConfig.MAX_POST_BYTES, Integer.toString(MAX_POST_BYTES));
        environment.putAll(overrides);
        return MappingRun.start(
                PulseTopology.INGEST_FUNCTION,
                platform.kinesis,
                platform.stream,
                environment,
                new JsonLog(System.out, false));
    }

    /** What a test does while the publisher waits. */
    interface Pause {
        void at(PublisherStats sent) throws InterruptedException;
    }
}
