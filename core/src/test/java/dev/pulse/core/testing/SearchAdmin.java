package dev.pulse.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Plain HTTP calls to the shared OpenSearch for test set-up and verification (never through the code under test). */
public final class SearchAdmin {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;

    public SearchAdmin(String endpoint) {
        this.endpoint = endpoint;
    }

    public JsonNode send(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json")
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void refresh(String pattern) {
        send("POST", "/" + pattern + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
    }

    public long count(String pattern) {
        refresh(pattern);
        return send("GET", "/" + pattern + "/_count?ignore_unavailable=true&allow_no_indices=true", null)
                .path("count")
                .asLong();
    }

    /** Every hit (with {@code _index}, {@code _id}, {@code _source}), paged with search_after on {@code sortField}. */
    public List<JsonNode> all(String pattern, String sortField) {
        refresh(pattern);
        List<JsonNode> hits = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode query = Json.mapper().createObjectNode();
            query.put("size", 5000);
            query.putArray("sort").addObject().put(sortField, "asc");
            query.putObject("query").putObject("match_all");
            if (after != null) {
                query.set("search_after", after);
            }
            ArrayNode page = (ArrayNode) send(
                            "POST",
                            "/" + pattern + "/_search?ignore_unavailable=true&allow_no_indices=true",
                            query.toString())
                    .path("hits")
                    .path("hits");
            if (page.isEmpty()) {
                return hits;
            }
            page.forEach(hits::add);
            after = page.get(page.size() - 1).path("sort");
        }
    }
}
