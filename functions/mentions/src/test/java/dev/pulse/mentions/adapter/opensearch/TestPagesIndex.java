package dev.pulse.mentions.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.search.IndexDefinitions;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * A uniquely named alias over one pages index on the local OpenSearch, loaded and refreshed; deleted on close, with any
 * other index the alias was moved to. Set up over plain HTTP, never through the code under test.
 */
public final class TestPagesIndex implements AutoCloseable {
    public final OpenSearchClient client =
            OpenSearchClients.create(LocalPlatform.config().openSearch());
    public final String alias = Unique.name("it-pages");
    public final String index = alias + "-v2";
    private final SearchAdmin search =
            new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));

    public TestPagesIndex(List<PageDocument> pages) {
        this(pages, "opensearch/pages-v2.json");
    }

    public TestPagesIndex(List<PageDocument> pages, String definition) {
        search.send("PUT", "/" + index, IndexDefinitions.load(definition));
        if (!pages.isEmpty()) {
            StringBuilder bulk = new StringBuilder();
            for (PageDocument page : pages) {
                bulk.append("{\"index\":{\"_id\":")
                        .append(Json.write(page.pageId()))
                        .append("}}\n")
                        .append(Json.write(page))
                        .append('\n');
            }
            JsonNode result = search.send("POST", "/" + index + "/_bulk?refresh=true", bulk.toString());
            if (result.path("errors").asBoolean(true)) {
                throw new IllegalStateException("test pages did not load: " + result);
            }
        }
        search.send(
                "POST",
                "/_aliases",
                "{\"actions\":[{\"add\":{\"index\":\"" + index + "\",\"alias\":\"" + alias
                        + "\",\"is_write_index\":true}}]}");
    }

    @Override
    public void close() {
        List<String> indices = new ArrayList<>(List.of(index));
        try {
            search.send("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(indices::add);
        } catch (IllegalStateException aliasAlreadyGone) {
            // nothing else to delete
        }
        for (String each : indices) {
            search.send("DELETE", "/" + each, null);
        }
    }
}
