package dev.pulse.tools.it;

import dev.pulse.core.config.FunctionEnvironment;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.ingest.IngestHandler;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.tools.firehose.KinesisPublisher;
import dev.pulse.tools.firehose.PublisherStats;
import dev.pulse.tools.firehose.SimRecord;
import dev.pulse.tools.firehose.Simulator;
import dev.pulse.tools.track.TrackCommand;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Seeds tracked pages, publishes simulated posts through the real producer, and builds the ingest handler. */
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
        new DynamoTrackedPages(platform.dynamo, platform.table).track(tracked);
        return tracked;
    }

    static PublisherStats publish(
            KinesisClient kinesis, String stream, int posts, long seed, Set<String> tracked, Expectations expected)
            throws InterruptedException {
        Simulator simulator = new Simulator(
                seed,
                PAGES,
                0.01,
                MAX_POST_BYTES + 4096,
                Simulator.logicalClock(Instant.parse("2026-11-25T23:59:30Z")));
        try (KinesisPublisher publisher = new KinesisPublisher(kinesis, stream, 64 * 1024, 256)) {
            for (int i = 0; i < posts; i++) {
                SimRecord record = simulator.next();
                expected.add(record, tracked);
                publisher.publish(new UserRecord(record.partitionKey(), record.payload()));
            }
            publisher.flush();
            return publisher.stats();
        }
    }

    /** The handler built by its public constructor, as Lambda and the local runtime build it, on this environment. */
    static IngestHandler handler(Map<String, String> environment) throws Exception {
        environment.put(IngestConfig.MAX_POST_BYTES, Integer.toString(MAX_POST_BYTES));
        return FunctionEnvironment.call(environment, IngestHandler::new);
    }
}
