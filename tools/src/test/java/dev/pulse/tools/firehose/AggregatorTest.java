package dev.pulse.tools.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatorTest {
    @Test
    void givenBudget_whenRecordsAdded_thenEveryAggregateFitsAndNothingIsLost() {
        Aggregator aggregator = new Aggregator(4096);
        List<Aggregator.Aggregate> aggregates = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String payload = "{\"post\":" + i + ",\"text\":\"" + "é".repeat(i % 50) + "\"}";
            aggregator
                    .add(new UserRecord("page-" + (i % 37), payload.getBytes(StandardCharsets.UTF_8)))
                    .ifPresent(aggregates::add);
        }
        aggregator.drain().ifPresent(aggregates::add);

        assertThat(aggregates).allSatisfy(a -> assertThat(a.data().length).isLessThanOrEqualTo(4096));
        assertThat(aggregates.stream()
                        .mapToInt(Aggregator.Aggregate::userRecords)
                        .sum())
                .isEqualTo(1000);
        List<String> decoded = aggregates.stream()
                .flatMap(a -> AggregatedRecords.decode(a.data(), a.partitionKey()).stream())
                .map(r -> new String(r.data(), StandardCharsets.UTF_8))
                .toList();
        assertThat(decoded).hasSize(1000).first().asString().startsWith("{\"post\":0,");
        assertThat(decoded.getLast()).startsWith("{\"post\":999,");
    }

    @Test
    void givenRecordLargerThanBudget_whenAdded_thenItGoesOutAlone() {
        Aggregator aggregator = new Aggregator(512);
        assertThat(aggregator.add(new UserRecord("a", new byte[10]))).isEmpty();

        var full = aggregator.add(new UserRecord("b", new byte[2000]));
        var alone = aggregator.drain();

        assertThat(full).get().extracting(Aggregator.Aggregate::userRecords).isEqualTo(1);
        assertThat(alone).get().satisfies(a -> {
            assertThat(a.userRecords()).isEqualTo(1);
            assertThat(a.partitionKey()).isEqualTo("b");
        });
        assertThat(aggregator.drain()).isEmpty();
    }
}
