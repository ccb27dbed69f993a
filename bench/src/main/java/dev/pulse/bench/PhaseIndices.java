package dev.pulse.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.search.IndexDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A run's own pages index and posts template, made from the topology's definitions, so every run really indexes. */
public final class PhaseIndices implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String openSearch;
    public final String prefix;

    public PhaseIndices(String openSearch, String prefix) {
        this.openSearch = openSearch;
        this.prefix = prefix;
        Topology topology = PulseTopology.define();
        send(
                "PUT",
                "/" + pages(),
                IndexDefinitions.load(topology.aliases().getFirst().definition()));
        ObjectNode template = Json.read(
                IndexDefinitions.load(topology.indexTemplates().getFirst().definition()), ObjectNode.class);
        template.putArray("index_patterns").add(posts() + "-*");
        send("PUT", "/_index_template/" + prefix, template.toString());
    }

    public String pages() {
        return prefix + "-pages";
    }

    public String posts() {
        return prefix + "-posts";
    }

    /** Indexes {@code ndjson} (a {@code _bulk} body) and refreshes, so the documents are searchable at once. */
    public void bulk(String ndjson) {
        String response = send("POST", "/_bulk?refresh=true", ndjson);
        if (Json.read(response, ObjectNode.class).path("errors").asBoolean()) {
            throw new IllegalStateException(
                    "_bulk reported errors: " + response.substring(0, Math.min(500, response.length())));
        }
    }

    public long postCount() {
        return count(posts() + "-*");
    }

    public long pageCount() {
        return count(pages());
    }

    private long count(String pattern) {
        send("POST", "/" + pattern + "/_refresh?allow_no_indices=true", null);
        return Json.read(send("GET", "/" + pattern + "/_count?allow_no_indices=true", null), ObjectNode.class)
                .path("count")
                .asLong();
    }

    @Override
    public void close() {
        send("DELETE", "/" + prefix + "-*", null);
        send("DELETE", "/_index_template/" + prefix, null);
    }

    private String send(String method, String path, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(openSearch + path))
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new IllegalStateException(
                        method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
