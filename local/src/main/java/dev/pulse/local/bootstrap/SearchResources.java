package dev.pulse.local.bootstrap;

import dev.pulse.core.json.Json;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.IndexTemplateSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Creates index templates, versioned indices and their aliases from the JSON definitions on the classpath. An alias
 * that already points elsewhere (after a re-index) is left alone: the bootstrap never undoes a swap.
 */
public final class SearchResources {
    private final OpenSearchClient client;
    private final String prefix;

    public SearchResources(OpenSearchClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    public String ensureTemplate(IndexTemplateSpec spec) {
        String name = prefix + spec.name();
        String body = definition(spec.definition());
        if (!prefix.isEmpty()) {
            body = body.replace("\"" + spec.pattern() + "\"", "\"" + prefix + spec.pattern() + "\"");
        }
        send("PUT", "/_index_template/" + name, body);
        return "put      template " + name + " (" + prefix + spec.pattern() + ")";
    }

    public String ensureAlias(AliasSpec spec) {
        String alias = prefix + spec.alias();
        String index = prefix + spec.index();
        if (status("HEAD", "/_alias/" + alias) == 200) {
            String current = String.join(",", aliasTargets(alias));
            return current.equals(index)
                    ? "exists   alias  " + alias + " -> " + index
                    : "exists   alias  " + alias + " -> " + current + " (the topology names " + index
                            + "; to move: ./pulse migrate-pages " + alias + " " + index + " " + spec.definition()
                            + ")";
        }
        if (status("HEAD", "/" + index) == 404) {
            send("PUT", "/" + index, definition(spec.definition()));
        }
        send(
                "POST",
                "/_aliases",
                "{\"actions\":[{\"add\":{\"index\":\"" + index + "\",\"alias\":\"" + alias
                        + "\",\"is_write_index\":true}}]}");
        return "created  alias  " + alias + " -> " + index;
    }

    private List<String> aliasTargets(String alias) {
        try (Response response = generic()
                .execute(Requests.builder()
                        .method("GET")
                        .endpoint("/_alias/" + alias)
                        .build())) {
            String body = response.getBody().map(b -> b.bodyAsString()).orElse("{}");
            List<String> indices = new ArrayList<>();
            Json.mapper().readTree(body).fieldNames().forEachRemaining(indices::add);
            return indices;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int status(String method, String endpoint) {
        try (Response response = generic()
                .execute(Requests.builder().method(method).endpoint(endpoint).build())) {
            return response.getStatus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(String method, String endpoint, String json) {
        try (Response response = generic()
                .execute(Requests.builder()
                        .method(method)
                        .endpoint(endpoint)
                        .json(json)
                        .build())) {
            int status = response.getStatus();
            if (status >= 300 && !alreadyExists(response)) {
                throw new IllegalStateException(method + " " + endpoint + " failed with HTTP " + status + ": "
                        + response.getBody().map(b -> b.bodyAsString()).orElse(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean alreadyExists(Response response) {
        return response.getStatus() == 400
                && response.getBody()
                        .map(b -> b.bodyAsString().contains("resource_already_exists_exception"))
                        .orElse(false);
    }

    private OpenSearchGenericClient generic() {
        return client.generic();
    }

    private static String definition(String resource) {
        try (InputStream in = SearchResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("index definition not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
