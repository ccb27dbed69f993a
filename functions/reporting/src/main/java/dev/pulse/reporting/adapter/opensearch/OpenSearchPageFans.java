package dev.pulse.reporting.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.reporting.application.PageFans;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/** The pages alias asked for a batch of pages' fans in one {@code _search}; a page missing fans has none. */
public final class OpenSearchPageFans implements PageFans {
    private final SearchCalls calls;
    private final String alias;

    public OpenSearchPageFans(OpenSearchGenericClient client, String alias) {
        this.calls = new SearchCalls(client);
        this.alias = alias;
    }

    @Override
    public Map<String, Long> fans(List<String> pages) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", pages.size()).put("track_total_hits", false);
        body.putArray("_source").add("pageId").add("fans");
        ArrayNode ids = body.putObject("query").putObject("terms").putArray("pageId");
        pages.forEach(ids::add);
        Map<String, Long> fans = new HashMap<>();
        for (JsonNode hit : calls.send("POST", "/" + alias + "/_search", Map.of(), body)
                .path("hits")
                .path("hits")) {
            JsonNode source = hit.path("_source");
            if (source.hasNonNull("pageId")) {
                fans.put(source.path("pageId").asText(), source.path("fans").asLong(0));
            }
        }
        return fans;
    }
}
