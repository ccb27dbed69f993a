package dev.pulse.local.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.core.testing.Unique;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parallelization factor runs concurrent batches per shard, each key staying in order, then commits the shard. */
class ParallelizationIT {
    private final MappingFixture fixture = new MappingFixture(Unique.name("it-esm"), Unique.name("fn"), 1);

    @TempDir
    Path checkpointDir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void givenFactorTwo_whenManyKeys_thenBatchesStayWithinOneLaneAndEachKeyInOrder() {
        List<String> sequences = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            int r = round;
            for (int key = 0; key < 8; key++) {
                sequences.addAll(fixture.put("k" + key, List.of("k" + key + "-" + r)));
            }
        }
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> ScriptedKinesisFunction.ok());
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(
                MappingFixture.mapping(fixture.stream, fixture.function, 10, false, 2, Duration.ZERO, 2),
                checkpoints,
                fixture.destination::add,
                Clock.systemUTC());
        String shard = fixture.firstShard();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> checkpoints
                        .get(shard)
                        .filter(sequences.getLast()::equals)
                        .isPresent());

        List<List<String>> calls = ScriptedKinesisFunction.calls(fixture.function);
        assertThat(calls.stream().flatMap(List::stream).sorted())
                .containsExactlyElementsOf(IntStream.range(0, 5)
                        .boxed()
                        .flatMap(r -> IntStream.range(0, 8).mapToObj(k -> "k" + k + "-" + r))
                        .sorted()
                        .toList());
        assertThat(calls).allSatisfy(call -> {
            assertThat(call).hasSizeLessThanOrEqualTo(10);
            assertThat(call.stream().map(p -> lane(p)).distinct()).hasSize(1);
        });
        Map<String, List<Integer>> rounds = new TreeMap<>();
        calls.stream()
                .flatMap(List::stream)
                .forEach(p -> rounds.computeIfAbsent(key(p), k -> new ArrayList<>())
                        .add(Integer.parseInt(p.substring(p.indexOf('-') + 1))));
        assertThat(rounds.values()).allSatisfy(order -> assertThat(order).containsExactly(0, 1, 2, 3, 4));
    }

    private static String key(String payload) {
        return payload.substring(0, payload.indexOf('-'));
    }

    private static int lane(String payload) {
        return Math.floorMod(key(payload).hashCode(), 2);
    }
}
