package dev.pulse.reporting.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.reporting.application.SearchPressure;
import java.util.Map;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/** The search thread pool's queue, from {@code _nodes/stats/thread_pool/search}, summed over the nodes. */
public final class OpenSearchSearchPressure implements SearchPressure {
    private final SearchCalls calls;

    public OpenSearchSearchPressure(OpenSearchGenericClient client) {
        this.calls = new SearchCalls(client);
    }

    @Override
    public long queued() {
        long queued = 0;
        JsonNode nodes = calls.send("GET", "/_nodes/stats/thread_pool/search", Map.of(), null)
                .path("nodes");
        for (JsonNode node : nodes) {
            queued += node.path("thread_pool").path("search").path("queue").asLong();
        }
        return queued;
    }
}
