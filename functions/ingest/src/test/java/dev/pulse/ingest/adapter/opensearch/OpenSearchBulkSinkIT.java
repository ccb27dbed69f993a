package dev.pulse.ingest.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.core.testing.Unique;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.IndexOp;
import dev.pulse.ingest.application.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

class OpenSearchBulkSinkIT {
    private final SearchAdmin search =
            new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));
    private final String index = Unique.name("it-bulk");
    private final OpenSearchBulkSink sink = sink(LocalPlatform.config(), 64 * 1024);

    OpenSearchBulkSinkIT() {
        search.send(
                "PUT",
                "/" + index,
                "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"v\":{\"type\":\"long\"}}}}");
    }

    @AfterEach
    void deleteIndex() {
        search.send("DELETE", "/" + index, null);
    }

    @Test
    void givenNewerVersionIndexed_whenOlderArrives_thenSupersededAndTheNewerStays() {
        assertThat(write(op("a", 20, "{\"v\":20}"))).isEqualTo(WriteOutcome.Status.WRITTEN);

        assertThat(write(op("a", 10, "{\"v\":10}"))).isEqualTo(WriteOutcome.Status.SUPERSEDED);
        assertThat(search.send("GET", "/" + index + "/_doc/a", null)
                        .path("_source")
                        .path("v")
                        .asLong())
                .isEqualTo(20);
    }

    @Test
    void givenSameVersionAgain_whenRetried_thenWrittenAgain() {
        write(op("a", 20, "{\"v\":20}"));

        assertThat(write(op("a", 20, "{\"v\":20}"))).isEqualTo(WriteOutcome.Status.WRITTEN);
    }

    @Test
    void givenDocumentTheStrictMappingRefuses_whenWritten_thenRejectedWithTheReason() {
        List<WriteOutcome> outcomes = sink.write(List.of(op("b", 1, "{\"unknown\":1}")), soon());

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(WriteOutcome.Status.REJECTED);
            assertThat(o.detail()).contains("strict_dynamic_mapping_exception");
        });
    }

    @Test
    void givenMoreThanOneRequestOfOps_whenWritten_thenAllAreIndexed() {
        List<IndexOp> ops = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ops.add(op("doc-" + i, i, "{\"v\":" + i + "}"));
        }

        List<WriteOutcome> outcomes = sink.write(ops, soon());

        assertThat(outcomes).hasSize(5_000).allMatch(o -> o.status() == WriteOutcome.Status.WRITTEN);
        assertThat(search.count(index)).isEqualTo(5_000);
    }

    @Test
    void givenNothingListening_whenDeadlinePasses_thenTransient() {
        OpenSearchBulkSink down = sink(
                LocalPlatform.configWith(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort()),
                1024 * 1024);

        List<WriteOutcome> outcomes =
                down.write(List.of(op("c", 1, "{\"v\":1}")), Instant.now().plusMillis(500));

        assertThat(outcomes).singleElement().extracting(WriteOutcome::status).isEqualTo(WriteOutcome.Status.TRANSIENT);
    }

    private WriteOutcome.Status write(IndexOp op) {
        return sink.write(List.of(op), soon()).getFirst().status();
    }

    private IndexOp op(String id, long version, String json) {
        return new IndexOp(index, id, version, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant soon() {
        return Instant.now().plus(Duration.ofSeconds(20));
    }

    private static OpenSearchBulkSink sink(PulseConfig config, int maxBytes) {
        return new OpenSearchBulkSink(
                new OpenSearchGenericClient(OpenSearchClients.transport(config.openSearch())),
                maxBytes,
                Backoff.DEFAULT,
                Clock.systemUTC());
    }
}
