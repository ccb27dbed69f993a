package dev.pulse.reporting.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/** Plain JSON calls through the generic client: the aggregations read best as the JSON OpenSearch documents. */
final class SearchCalls {
    /** Reads span the window's index, which may not exist yet (no posts that day): an empty answer, not an error. */
    static final Map<String, String> LENIENT = Map.of("ignore_unavailable", "true", "allow_no_indices", "true");

    private final OpenSearchGenericClient client;

    SearchCalls(OpenSearchGenericClient client) {
        this.client = client;
    }

    JsonNode send(String method, String path, Map<String, String> params, JsonNode body) {
        Body payload =
                body == null ? null : Body.from(Json.write(body).getBytes(StandardCharsets.UTF_8), "application/json");
        try (Response response = client.execute(Requests.create(method, path, List.of(), params, payload))) {
            byte[] bytes = response.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
            if (response.getStatus() >= 300) {
                throw new SearchFailedException(method + " " + path + " answered " + response.getStatus() + ": "
                        + new String(bytes, 0, Math.min(300, bytes.length), StandardCharsets.UTF_8));
            }
            return bytes.length == 0
                    ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    /** OpenSearch answered with an error status. */
    static final class SearchFailedException extends RuntimeException {
        SearchFailedException(String message) {
            super(message);
        }
    }
}
