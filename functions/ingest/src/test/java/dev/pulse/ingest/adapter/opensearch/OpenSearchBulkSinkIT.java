package dev.pulse.ingest.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.DocumentSink;
import dev.pulse.ingest.application.DocumentSinkContract;
import dev.pulse.ingest.application.IndexOp;
import dev.pulse.ingest.application.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/** The sink contract on the local OpenSearch, over a strict mapping; plus what only OpenSearch shows. */
class OpenSearchBulkSinkIT extends DocumentSinkContract {
    private final SearchAdmin search =
            new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));
    private final OpenSearchBulkSink small = sink(LocalPlatform.config(), 4 * 1024);

    OpenSearchBulkSinkIT() {
        search.send(
                "PUT",
                "/" + index,
                "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"v\":{\"type\":\"long\"}}}}");
    }

    @Override
    protected DocumentSink sink() {
        return small;
    }

    @Override
    protected DocumentSink unreachableSink() {
        return sink(
                LocalPlatform.configWith(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort()),
                1024 * 1024);
    }

    @Override
    protected OptionalLong stored(String id) {
        var doc = search.send("POST", "/" + index + "/_mget", "{\"ids\":[\"" + id + "\"]}")
                .path("docs")
                .path(0);
        return doc.path("found").asBoolean()
                ? OptionalLong.of(doc.path("_source").path("v").asLong())
                : OptionalLong.empty();
    }

    @Override
    protected long count() {
        return search.count(index);
    }

    @Override
    protected void dispose() {
        search.send("DELETE", "/" + index, null);
    }

    @Test
    void givenDocumentTheStrictMappingRefuses_whenWritten_thenRejectedWithTheReason() {
        List<WriteOutcome> outcomes = small.write(List.of(op("b", 1, "{\"unknown\":1}")), soon());

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

        List<WriteOutcome> outcomes = sink(LocalPlatform.config(), 64 * 1024).write(ops, soon());

        assertThat(outcomes).hasSize(5_000).allMatch(o -> o.status() == WriteOutcome.Status.WRITTEN);
        assertThat(search.count(index)).isEqualTo(5_000);
    }

    @Test
    void givenMoreIdsThanOneMget_whenVersionsRead_thenEveryWrittenOneIsFound() {
        List<IndexOp> ops = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ops.add(op("doc-" + i, 1_000 + i, "{\"v\":" + i + "}"));
            ids.add("doc-" + i);
        }
        ids.add("never-written");
        sink(LocalPlatform.config(), 1024 * 1024).write(ops, soon());

        var versions = small.versions(index, ids);

        assertThat(versions).hasSize(2_500).containsEntry("doc-0", 1_000L).containsEntry("doc-2499", 3_499L);
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
