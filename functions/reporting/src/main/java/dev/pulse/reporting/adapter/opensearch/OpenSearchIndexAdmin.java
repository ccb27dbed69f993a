package dev.pulse.reporting.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.reporting.application.IndexAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/** Lists indices with {@code _cat/indices} and deletes one exact name per call (never a wildcard). */
public final class OpenSearchIndexAdmin implements IndexAdmin {
    private final SearchCalls calls;

    public OpenSearchIndexAdmin(OpenSearchGenericClient client) {
        this.calls = new SearchCalls(client);
    }

    @Override
    public List<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        for (JsonNode row :
                calls.send("GET", "/_cat/indices/" + prefix + "-*", Map.of("format", "json", "h", "index"), null)) {
            names.add(row.path("index").asText());
        }
        return names.stream().sorted().toList();
    }

    @Override
    public void delete(String index) {
        if (index.contains("*") || index.contains(",") || index.startsWith("_")) {
            throw new IllegalArgumentException("retention deletes one index by its exact name, not " + index);
        }
        calls.send("DELETE", "/" + index, Map.of(), null);
    }
}
