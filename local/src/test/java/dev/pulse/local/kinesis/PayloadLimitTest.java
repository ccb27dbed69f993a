package dev.pulse.local.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PayloadLimitTest {
    private static StreamRecord record(int i, int bytes) {
        return new StreamRecord(
                "shardId-000000000000", Integer.toString(1000 + i), "k", new byte[bytes], Instant.now());
    }

    @Test
    void givenSmallRecords_whenSplit_thenOneBatch() {
        List<StreamRecord> records =
                IntStream.range(0, 1000).mapToObj(i -> record(i, 500)).toList();

        assertThat(PayloadLimit.split(records)).singleElement().isEqualTo(records);
    }

    @Test
    void givenAggregatedMegabyteRecords_whenSplit_thenEveryEventStaysUnderSixMegabytesInOrder() {
        List<StreamRecord> records =
                IntStream.range(0, 10).mapToObj(i -> record(i, 1_000_000)).toList();

        List<List<StreamRecord>> batches = PayloadLimit.split(records);

        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(records);
        assertThat(batches)
                .allSatisfy(b -> assertThat(b.stream()
                                .mapToLong(r -> 600 + 4L * ((r.data().length + 2) / 3))
                                .sum())
                        .isLessThanOrEqualTo(PayloadLimit.MAX_EVENT_BYTES));
    }
}
