package dev.pulse.local.kinesis;

import static dev.pulse.local.kinesis.ScriptedKinesisFunction.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.StreamMappingSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batching window against kinesalite: records arriving one by one within the window make one invocation. The
 * window is measured on a clock the test moves, so nothing depends on how fast the machine is.
 */
class BatchingWindowIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private final MappingFixture fixture = new MappingFixture(Unique.name("it-window"), Unique.name("fn"), 1);
    private final SteppedClock clock = new SteppedClock(Instant.now());

    @TempDir
    Path checkpointDir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void givenBatchLargerThanAvailable_whenRecordsArriveWithinWindow_thenTheyAreDeliveredInOneInvocation()
            throws Exception {
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> ok());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(window(100), checkpoints, fixture.destination::add, clock);

        List<String> sequences = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sequences.addAll(fixture.put("k", List.of("w" + i)));
            // several idle polls pass between records, so each is read by its own GetRecords
            Thread.sleep(MappingFixture.FAST.idlePoll().multipliedBy(4));
        }
        // the window has not ended on the consumer's clock: per-record delivery would already have invoked
        assertThat(ScriptedKinesisFunction.calls(fixture.function)).isEmpty();

        clock.advance(WINDOW);
        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.getLast()::equals)
                        .isPresent());
        assertThat(ScriptedKinesisFunction.calls(fixture.function))
                .containsExactly(List.of("w0", "w1", "w2", "w3", "w4"));

        // a record after the delivery opens a new window of its own
        List<String> later = fixture.put("k", List.of("x0"));
        await().during(MappingFixture.FAST.idlePoll().multipliedBy(4))
                .atMost(WAIT)
                .until(() -> ScriptedKinesisFunction.calls(fixture.function).size() == 1);
        clock.advance(WINDOW);
        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(later.getFirst()::equals)
                        .isPresent());
        assertThat(ScriptedKinesisFunction.calls(fixture.function))
                .containsExactly(List.of("w0", "w1", "w2", "w3", "w4"), List.of("x0"));
    }

    @Test
    void givenWindow_whenBatchSizeIsReached_thenTheFullBatchGoesWithoutWaitingForTheWindow() {
        List<String> sequences = fixture.put("k", List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6"));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> ok());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(window(3), checkpoints, fixture.destination::add, clock);

        // full batches are delivered while the clock stands still; only the remainder waits for the window
        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.get(5)::equals)
                        .isPresent());
        assertThat(ScriptedKinesisFunction.calls(fixture.function))
                .containsExactly(List.of("b0", "b1", "b2"), List.of("b3", "b4", "b5"));

        clock.advance(WINDOW);
        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(sequences.getLast()::equals)
                        .isPresent());
        assertThat(ScriptedKinesisFunction.calls(fixture.function))
                .containsExactly(List.of("b0", "b1", "b2"), List.of("b3", "b4", "b5"), List.of("b6"));
    }

    private StreamMappingSpec window(int batchSize) {
        return new StreamMappingSpec(
                fixture.stream,
                fixture.function,
                batchSize,
                WINDOW,
                StreamMappingSpec.StartingPosition.TRIM_HORIZON,
                true,
                false,
                5,
                Duration.ZERO,
                1,
                "unused");
    }
}
