package dev.pulse.reporting.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.topology.Access;
import dev.pulse.reporting.application.SearchPressure;
import java.util.Map;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/**
 * The search thread pool's active and queued tasks, from {@code _nodes/stats/thread_pool/search}, summed over the
 * nodes. A search over several shards holds one task per shard, so this can overstate the job's own share; the error
 * only makes the job yield more.
 */
public final class OpenSearchSearchPressure implements SearchPressure {
    private final SearchCalls calls;

    public OpenSearchSearchPressure(OpenSearchGenericClient client) {
        this.calls = new SearchCalls(client);
    }

    @Override
    public long busy() {
        long busy = 0;
        JsonNode nodes = calls.send("GET", "/" + Access.SEARCH_POOL_STATS, Map.of(), null)
                .path("nodes");
        for (JsonNode node : nodes) {
            JsonNode search = node.path("thread_pool").path("search");
            busy += search.path("active").asLong() + search.path("queue").asLong();
        }
        return busy;
    }
}
