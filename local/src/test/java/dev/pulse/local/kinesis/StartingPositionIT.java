package dev.pulse.local.kinesis;

import static dev.pulse.local.kinesis.ScriptedKinesisFunction.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.StreamMappingSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting position LATEST against kinesalite: a new mapping sees only what is put after it starts. */
class StartingPositionIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final MappingFixture fixture = new MappingFixture(Unique.name("it-latest"), Unique.name("fn"), 1);

    @TempDir
    Path checkpointDir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void givenLatest_whenRecordsExistBeforeTheMappingStarts_thenOnlyLaterRecordsAreDelivered() {
        fixture.put("k", List.of("old0", "old1", "old2"));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> ok());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(latest(), checkpoints, fixture.destination::add, Clock.systemUTC());

        // the consumer takes its LATEST iterator at some point after start: keep putting until one new record arrives
        AtomicInteger next = new AtomicInteger();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            fixture.put("k", List.of("new" + next.getAndIncrement()));
            return !ScriptedKinesisFunction.calls(fixture.function).isEmpty();
        });
        List<String> last = fixture.put("k", List.of("last"));
        await().atMost(WAIT)
                .until(() -> checkpoints
                        .get(fixture.firstShard())
                        .filter(last.getFirst()::equals)
                        .isPresent());

        List<String> delivered = ScriptedKinesisFunction.calls(fixture.function).stream()
                .flatMap(List::stream)
                .toList();
        assertThat(delivered).noneMatch(p -> p.startsWith("old")).endsWith("last");
        // what was delivered is an unbroken, ordered run of the later records: nothing skipped once reading began
        List<String> fresh = delivered.subList(0, delivered.size() - 1);
        assertThat(fresh).isNotEmpty();
        int first = Integer.parseInt(fresh.getFirst().substring("new".length()));
        assertThat(fresh)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(first, next.get())
                        .mapToObj(i -> "new" + i)
                        .toList());
    }

    private StreamMappingSpec latest() {
        return new StreamMappingSpec(
                fixture.stream,
                fixture.function,
                100,
                Duration.ZERO,
                StreamMappingSpec.StartingPosition.LATEST,
                true,
                false,
                5,
                Duration.ZERO,
                1,
                "unused");
    }
}
