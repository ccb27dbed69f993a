package dev.pulse.local.kinesis;

import static dev.pulse.local.kinesis.ScriptedKinesisFunction.ok;
import static dev.pulse.local.kinesis.ScriptedKinesisFunction.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.Unique;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event-source mapping's semantics against kinesalite, with a scripted function. */
class KinesisMappingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final MappingFixture fixture = new MappingFixture(Unique.name("it-esm"), Unique.name("fn"), 1);

    @TempDir
    Path checkpointDir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static List<String> payloads(int count) {
        return IntStream.range(0, count).mapToObj(i -> "r" + i).toList();
    }

    @Test
    void givenFailureMidBatch_whenReported_thenResumesFromLowestFailedRecordOnly() {
        List<String> sequences = fixture.put("k", payloads(10));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> {
            if (call == 0) {
                // two failures reported out of order: the lowest one (r4) is where processing resumes
                return new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(List.of(
                        new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure(
                                records.get(7).getKinesis().getSequenceNumber()),
                        new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure(
                                records.get(4).getKinesis().getSequenceNumber())));
            }
            return ok();
        });
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        StreamPoller poller = fixture.poller(
                mapping(10, false, 5, Duration.ZERO), checkpoints, fixture.destination::add, Clock.systemUTC());

        await().atMost(WAIT)
                .until(() -> ScriptedKinesisFunction.calls(fixture.function).size() >= 2
                        && checkpoints
                                .get(fixture.firstShard())
                                .filter(sequences.get(9)::equals)
                                .isPresent());

        List<List<String>> calls = ScriptedKinesisFunction.calls(fixture.function);
        assertThat(calls.get(0)).isEqualTo(payloads(10));
        assertThat(calls.get(1)).containsExactly("r4", "r5", "r6", "r7", "r8", "r9");
        assertThat(calls).hasSize(2);
        assertThat(fixture.destination).isEmpty();
        assertStats(poller, 2, 1, 10, 0);
    }

    @Test
    void givenReportBatchItemFailuresOff_whenTheFunctionReportsFailures_thenTheResponseIsIgnoredAndTheBatchIsDone() {
        List<String> sequences = fixture.put("k", payloads(5));
        ScriptedKinesisFunction.script(
                fixture.function, (records, call) -> ScriptedKinesisFunction.failFrom(records.get(2)));
        dev.pulse.core.topology.StreamMappingSpec on = mapping(10, false, 5, Duration.ZERO);
        dev.pulse.core.topology.StreamMappingSpec off = new dev.pulse.core.topology.StreamMappingSpec(
                on.stream(),
                on.function(),
                on.batchSize(),
                on.batchingWindow(),
                on.startingPosition(),
                false,
                on.bisectOnError(),
                on.maxRetryAttempts(),
                on.maxRecordAge(),
                on.parallelizationFactor(),
                on.onFailureQueue());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        StreamPoller poller = fixture.poller(off, checkpoints, fixture.destination::add, Clock.systemUTC());

        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(4)::equals)
                        .isPresent());

        // with the flag off Lambda reads only errors: a returned batchItemFailures list is just a response
        assertThat(ScriptedKinesisFunction.calls(fixture.function)).containsExactly(payloads(5));
        assertThat(fixture.destination).isEmpty();
        assertStats(poller, 1, 0, 5, 0);
    }

    @Test
    void givenThrownError_whenNoBisect_thenWholeBatchIsRetried() {
        List<String> sequences = fixture.put("k", payloads(6));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> {
            if (call == 0) {
                throw new IllegalStateException("dependency down");
            }
            return ok();
        });
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(mapping(10, false, 5, Duration.ZERO), checkpoints, fixture.destination::add, Clock.systemUTC());

        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(5)::equals)
                        .isPresent());

        assertThat(ScriptedKinesisFunction.calls(fixture.function)).containsExactly(payloads(6), payloads(6));
    }

    @Test
    void givenPoisonRecord_whenBisecting_thenOnlyItIsDiscardedAndEveryOtherRecordSucceedsOnce() {
        List<String> sequences = fixture.put("k", payloads(10));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> {
            if (records.stream().anyMatch(r -> payload(r).equals("r6"))) {
                throw new IllegalArgumentException("poison r6");
            }
            return ok();
        });
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        StreamPoller poller = fixture.poller(
                mapping(10, true, 1, Duration.ZERO), checkpoints, fixture.destination::add, Clock.systemUTC());

        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(9)::equals)
                        .isPresent());

        List<List<String>> calls = ScriptedKinesisFunction.calls(fixture.function);
        assertThat(calls)
                .containsExactly(
                        payloads(10),
                        List.of("r0", "r1", "r2", "r3", "r4"),
                        List.of("r5", "r6", "r7", "r8", "r9"),
                        List.of("r5", "r6"),
                        List.of("r5"),
                        List.of("r6"),
                        List.of("r6"),
                        List.of("r7", "r8", "r9"));
        assertThat(fixture.destination).hasSize(1);
        JsonNode info =
                Json.read(fixture.destination.getFirst(), JsonNode.class).get("KinesisBatchInfo");
        assertThat(info.get("batchSize").asInt()).isEqualTo(1);
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo(sequences.get(6));
        assertThat(info.get("endSequenceNumber").asText()).isEqualTo(sequences.get(6));
        // five calls held r6 and failed; the other three completed r0-r4, r5 and r7-r9
        assertStats(poller, 8, 5, 9, 1);
    }

    @Test
    void givenRecordsOlderThanMaxAge_whenPolled_thenDiscardedToDestinationWithoutInvoking() {
        List<String> sequences = fixture.put("k", payloads(3));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> ok());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        fixture.poller(
                mapping(10, false, 5, Duration.ofHours(1)), checkpoints, fixture.destination::add, twoHoursLater);

        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(2)::equals)
                        .isPresent());

        assertThat(ScriptedKinesisFunction.calls(fixture.function)).isEmpty();
        assertThat(fixture.destination).hasSize(1);
        JsonNode metadata = Json.read(fixture.destination.getFirst(), JsonNode.class);
        assertThat(metadata.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
        assertThat(metadata.at("/requestContext/approximateInvokeCount").asInt())
                .isZero();
        assertThat(metadata.at("/KinesisBatchInfo/batchSize").asInt()).isEqualTo(3);
    }

    @Test
    void givenRecordsExpiringWhileRetried_whenTheNextRetryIsDue_thenDiscardedAsRecordAgeExceeded() {
        List<String> sequences = fixture.put("k", payloads(3));
        java.util.concurrent.atomic.AtomicReference<Duration> ahead =
                new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);
        Clock jumping = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.now().plus(ahead.get());
            }
        };
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> {
            ahead.set(Duration.ofHours(2)); // the records pass their 1 h age while this call fails
            throw new IllegalStateException("dependency down");
        });
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(mapping(10, false, 5, Duration.ofHours(1)), checkpoints, fixture.destination::add, jumping);

        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(2)::equals)
                        .isPresent());

        assertThat(ScriptedKinesisFunction.calls(fixture.function))
                .as("no retry after expiry")
                .hasSize(1);
        assertThat(fixture.destination).hasSize(1);
        JsonNode metadata = Json.read(fixture.destination.getFirst(), JsonNode.class);
        assertThat(metadata.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
        assertThat(metadata.at("/requestContext/approximateInvokeCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void givenMaximumRetryAttemptsMinusOne_whenTheFunctionFailsManyTimes_thenItIsRetriedUntilItSucceeds() {
        List<String> sequences = fixture.put("k", payloads(2));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> {
            if (call < 12) {
                throw new IllegalStateException("down, call " + call);
            }
            return ok();
        });
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(mapping(10, false, -1, Duration.ZERO), checkpoints, fixture.destination::add, Clock.systemUTC());

        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(1)::equals)
                        .isPresent());

        // -1 is "until the records expire": never discarded for retries (12 failures here; any finite cap below
        // that, 0 included, would have sent the batch to the destination instead)
        assertThat(ScriptedKinesisFunction.calls(fixture.function)).hasSize(13);
        assertThat(fixture.destination).isEmpty();
    }

    @Test
    void givenCommittedRecords_whenMappingRestarts_thenResumesAfterCheckpointWithNoLossAndNoRedelivery()
            throws Exception {
        List<String> first = fixture.put("k", List.of("a0", "a1", "a2"));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> ok());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        StreamPoller poller = fixture.poller(
                mapping(10, false, 5, Duration.ZERO), checkpoints, fixture.destination::add, Clock.systemUTC());
        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(first.get(2)::equals)
                        .isPresent());
        poller.close();

        List<String> second = fixture.put("k", List.of("b0", "b1"));
        FileCheckpointStore reloaded = fixture.checkpoints(checkpointDir);
        fixture.poller(mapping(10, false, 5, Duration.ZERO), reloaded, fixture.destination::add, Clock.systemUTC());
        await().atMost(WAIT)
                .until(() -> reloaded.get(fixture.firstShard())
                        .filter(second.get(1)::equals)
                        .isPresent());

        assertThat(ScriptedKinesisFunction.calls(fixture.function).stream().flatMap(List::stream))
                .containsExactly("a0", "a1", "a2", "b0", "b1");
    }

    @Test
    void givenCheckpointsOfAnEarlierStreamOfTheSameName_whenMappingStarts_thenTheyAreDroppedAndEveryRecordDelivered() {
        List<String> sequences = fixture.put("k", List.of("n0", "n1", "n2"));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> ok());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        // what kinesalite's restart leaves behind: a sequence number of the old stream, and an end mark on the shard
        checkpoints.put(fixture.firstShard(), "49590338271490256608559692538361571095921575989136588898");
        checkpoints.markEnded(fixture.firstShard());

        fixture.poller(mapping(10, false, 5, Duration.ZERO), checkpoints, fixture.destination::add, Clock.systemUTC());

        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(2)::equals)
                        .isPresent());
        assertThat(ScriptedKinesisFunction.calls(fixture.function).stream().flatMap(List::stream))
                .containsExactly("n0", "n1", "n2");
        assertThat(checkpoints.ended(fixture.firstShard())).isFalse();
    }

    private static void assertStats(
            StreamPoller poller, long invocations, long failedInvocations, long processed, long dropped) {
        MappingStats stats = poller.stats();
        assertThat(List.of(
                        stats.invocations(),
                        stats.failedInvocations(),
                        stats.processedRecords(),
                        stats.droppedRecords()))
                .as("invocations, failed invocations, processed and dropped records")
                .containsExactly(invocations, failedInvocations, processed, dropped);
    }

    private dev.pulse.core.topology.StreamMappingSpec mapping(
            int batchSize, boolean bisect, int maxRetries, Duration maxAge) {
        return MappingFixture.mapping(fixture.stream, fixture.function, batchSize, bisect, maxRetries, maxAge);
    }
}
