package dev.pulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.pulse.core.testing.SampleEvents;
import dev.pulse.core.testing.TestContext;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.application.BatchResult;
import dev.pulse.ingest.application.DocumentSink;
import dev.pulse.ingest.application.IndexNames;
import dev.pulse.ingest.application.IndexOp;
import dev.pulse.ingest.application.IngestService;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.application.WriteOutcome;
import dev.pulse.ingest.application.WrittenPages;
import dev.pulse.ingest.domain.PoisonReason;
import dev.pulse.ingest.domain.PostParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestHandlerTest {
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(1);
    private static final TestContext CONTEXT = new TestContext(PulseTopology.INGEST_FUNCTION, Duration.ofMinutes(2));

    private final List<IndexOp> written = new ArrayList<>();
    private final List<QuarantineEntry> quarantined = new ArrayList<>();
    private final List<BatchResult> results = new ArrayList<>();
    private boolean searchDown;

    private final List<Instant> deadlines = new ArrayList<>();

    private final DocumentSink sink = (ops, deadline) -> {
        deadlines.add(deadline);
        written.addAll(ops);
        return ops.stream()
                .map(op -> searchDown && op.index().startsWith("posts")
                        ? new WriteOutcome(WriteOutcome.Status.TRANSIENT, "503")
                        : WriteOutcome.WRITTEN_OK)
                .toList();
    };
    private final IngestHandler handler = new IngestHandler(
            new IngestService(
                    new PostParser(64 * 1024),
                    ids -> Set.of("100000000042"),
                    sink,
                    entries -> {
                        quarantined.addAll(entries);
                        return List.of();
                    },
                    (result, millis) -> results.add(result),
                    new IndexNames("pages", "posts"),
                    Clock.systemUTC(),
                    new WrittenPages(new WrittenPages.Policy(1_000, 100, Duration.ofMinutes(10)))),
            RETRY_BUDGET);

    @Test
    void givenSampleKinesisEvent_whenHandled_thenPagesAndTrackedPostsAreWrittenAndPoisonQuarantined() {
        KinesisEvent event = EventLoader.loadKinesisEvent(SampleEvents.pathString("ingest-kinesis.json"));

        StreamsEventResponse response = handler.handleRequest(event, CONTEXT);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(written)
                .extracting(op -> op.index() + "/" + op.id())
                .containsExactlyInAnyOrder(
                        "pages/100000000042",
                        "pages/100000000007",
                        "posts-2026.11.26/100000000042_1000000007",
                        "posts-2026.11.26/100000000042_1000000008");
        assertThat(quarantined).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(PoisonReason.MALFORMED_JSON);
            assertThat(entry.shardId()).isEqualTo("shardId-000000000001");
            assertThat(entry.sequenceNumber()).isEqualTo("49658912340000000000000000000000000000000000000000000002");
            assertThat(entry.subSequence()).isEqualTo(2);
        });
        assertThat(results).singleElement().extracting(BatchResult::postsIn).isEqualTo(4);
    }

    @Test
    void givenSearchDownForPosts_whenHandled_thenTheRecordsCarryingThemAreReported() {
        searchDown = true;
        KinesisEvent event = EventLoader.loadKinesisEvent(SampleEvents.pathString("ingest-kinesis.json"));

        StreamsEventResponse response = handler.handleRequest(event, CONTEXT);

        assertThat(response.getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(
                        "49658912340000000000000000000000000000000000000000000001",
                        "49658912340000000000000000000000000000000000000000000002");
        assertThat(quarantined)
                .as("poison after the first failure waits for the replay")
                .isEmpty();
    }

    @Test
    void givenTimeToSpare_whenHandled_thenWritesMayRetryForTheWholeBudget() {
        KinesisEvent event = EventLoader.loadKinesisEvent(SampleEvents.pathString("ingest-kinesis.json"));
        Instant before = Instant.now();

        handler.handleRequest(event, CONTEXT);

        assertThat(deadlines)
                .isNotEmpty()
                .allSatisfy(deadline -> assertThat(deadline)
                        .isBetween(before.plus(RETRY_BUDGET), Instant.now().plus(RETRY_BUDGET)));
    }

    @Test
    void givenLessTimeLeftThanTheSafetyMargin_whenHandled_thenWritesGetNoTimeToRetry() {
        KinesisEvent event = EventLoader.loadKinesisEvent(SampleEvents.pathString("ingest-kinesis.json"));

        handler.handleRequest(event, new TestContext(PulseTopology.INGEST_FUNCTION, Duration.ofSeconds(5)));

        Instant after = Instant.now();
        assertThat(deadlines)
                .isNotEmpty()
                .allSatisfy(deadline -> assertThat(deadline).isBeforeOrEqualTo(after));
    }
}
