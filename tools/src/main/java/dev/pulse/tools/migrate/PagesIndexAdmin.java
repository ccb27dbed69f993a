package dev.pulse.tools.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.search.IndexDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;

/**
 * Operations on versioned pages indices behind an alias: create a version from its definition, bulk-load it, re-index
 * one version into another, and move the alias in one atomic {@code _aliases} request, which is what makes a mapping
 * change or backend swap invisible to readers.
 */
public final class PagesIndexAdmin {
    private final OpenSearchClient client;

    public PagesIndexAdmin(OpenSearchClient client) {
        this.client = client;
    }

    /** Creates {@code index} from a classpath definition such as {@code opensearch/pages-v2.json}. */
    public void create(String index, String definitionResource) {
        call("PUT", "/" + index, Map.of(), IndexDefinitions.load(definitionResource));
    }

    public void delete(String index) {
        call("DELETE", "/" + index, Map.of("ignore_unavailable", "true"), null);
    }

    /** Sets the refresh interval, e.g. {@code -1} while bulk loading and {@code 1s} after. */
    public void refreshInterval(String index, String interval) {
        call("PUT", "/" + index + "/_settings", Map.of(), "{\"index\":{\"refresh_interval\":\"" + interval + "\"}}");
    }

    public void refresh(String index) {
        call("POST", "/" + index + "/_refresh", Map.of(), null);
    }

    /** Indexes (upserts by page id) a batch of pages with one {@code _bulk} request. */
    public void bulkIndex(String index, List<PageDocument> pages) {
        bulk(bulkBody(index, pages));
    }

    /** The {@code _bulk} body that indexes {@code pages} into {@code index}, each under its page id. */
    public static byte[] bulkBody(String index, List<PageDocument> pages) {
        StringBuilder ndjson = new StringBuilder(pages.size() * 200);
        for (PageDocument page : pages) {
            ndjson.append("{\"index\":{\"_index\":\"")
                    .append(index)
                    .append("\",\"_id\":")
                    .append(Json.write(page.pageId()))
                    .append("}}\n")
                    .append(Json.write(page))
                    .append('\n');
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a prepared {@code _bulk} body; fails when any item failed. */
    public void bulk(byte[] ndjson) {
        JsonNode result = Json.read(send("POST", "/_bulk", Map.of(), ndjson), JsonNode.class);
        if (result.path("errors").asBoolean(false)) {
            throw new IllegalStateException("bulk load had item errors: " + firstError(result));
        }
    }

    /** Copies every document of {@code from} into {@code to} (whose mapping may differ) and refreshes it. */
    public long reindex(String from, String to) {
        return reindex(from, to, null);
    }

    /** Copies the documents of {@code from} updated at or after {@code since} (all when null) into {@code to}. */
    public long reindex(String from, String to, java.time.Instant since) {
        String query = since == null ? "" : ",\"query\":{\"range\":{\"updatedTime\":{\"gte\":\"" + since + "\"}}}";
        String body = "{\"source\":{\"index\":\"" + from + "\"" + query + "},\"dest\":{\"index\":\"" + to + "\"}}";
        JsonNode result = Json.read(
                call("POST", "/_reindex", Map.of("wait_for_completion", "true", "refresh", "true"), body),
                JsonNode.class);
        if (!result.path("failures").isEmpty()) {
            throw new IllegalStateException("reindex failures: " + result.path("failures"));
        }
        return result.path("total").asLong();
    }

    /** The indices the alias points at now (empty if it does not exist). */
    public Set<String> indicesOf(String alias) {
        try {
            return Set.copyOf(
                    client.indices().getAlias(g -> g.name(alias)).result().keySet());
        } catch (Exception e) {
            return Set.of();
        }
    }

    /** Points the alias at {@code index} only, removing it from every other index in the same atomic request. */
    public void pointAlias(String alias, String index) {
        List<String> actions = new ArrayList<>();
        for (String old : indicesOf(alias)) {
            if (!old.equals(index)) {
                actions.add("{\"remove\":{\"index\":\"" + old + "\",\"alias\":\"" + alias + "\"}}");
            }
        }
        actions.add("{\"add\":{\"index\":\"" + index + "\",\"alias\":\"" + alias + "\",\"is_write_index\":true}}");
        call("POST", "/_aliases", Map.of(), "{\"actions\":[" + String.join(",", actions) + "]}");
    }

    private String call(String method, String endpoint, Map<String, String> query, String json) {
        return send(method, endpoint, query, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private String send(String method, String endpoint, Map<String, String> query, byte[] json) {
        var request = Requests.builder().method(method).endpoint(endpoint).query(query);
        if (json != null) {
            request.body(Body.from(json, "application/json"));
        }
        try (var response = client.generic().execute(request.build())) {
            String body = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() >= 300) {
                throw new IllegalStateException(method + " " + endpoint + " -> " + response.getStatus() + ": " + body);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstError(JsonNode result) {
        for (JsonNode item : result.path("items")) {
            JsonNode error = item.path("index").path("error");
            if (!error.isMissingNode()) {
                return error.toString();
            }
        }
        return "unknown";
    }
}
