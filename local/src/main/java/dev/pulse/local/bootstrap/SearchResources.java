package dev.pulse.local.bootstrap;

import dev.pulse.core.json.Json;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.IndexTemplateSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.search.SearchPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The topology's index templates, versioned indices and aliases on the local node: runs the local search plan (the
 * one the CDK custom resource runs) and reports each resource. An alias that already points elsewhere after a
 * re-index is left alone, since the plan's guard never undoes a swap, and the report names the migration.
 */
public final class SearchResources {
    private final OpenSearchClient client;
    private final String prefix;

    public SearchResources(OpenSearchClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    /** Creates what is missing; one line per template, then per alias. */
    public List<String> ensure(Topology topology) {
        Map<AliasSpec, List<String>> before = new LinkedHashMap<>();
        topology.aliases().forEach(a -> before.put(a, targets(prefix + a.alias())));
        new SearchPlanRunner(client).run(SearchPlan.of(topology, SearchPlan.Target.local(prefix)));
        List<String> report = new ArrayList<>();
        for (IndexTemplateSpec t : topology.indexTemplates()) {
            report.add("put      template " + prefix + t.name() + " (" + prefix + t.pattern() + ")");
        }
        before.forEach((alias, targets) -> report.add(aliasLine(alias, targets)));
        return report;
    }

    private String aliasLine(AliasSpec spec, List<String> targetsBefore) {
        String alias = prefix + spec.alias();
        String index = prefix + spec.index();
        if (targetsBefore.isEmpty()) {
            return "created  alias  " + alias + " -> " + index;
        }
        String current = String.join(",", targetsBefore);
        return current.equals(index)
                ? "exists   alias  " + alias + " -> " + index
                : "exists   alias  " + alias + " -> " + current + " (the topology names " + index
                        + "; to move: ./pulse migrate-pages " + alias + " " + index + " " + spec.definition() + ")";
    }

    /** The indices the alias points at; none when it does not exist. */
    private List<String> targets(String alias) {
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("GET")
                        .endpoint(SearchPlan.aliasPath(alias))
                        .build())) {
            if (response.getStatus() == 404) {
                return List.of();
            }
            String body = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() != 200) {
                throw new IllegalStateException(
                        "GET /_alias/" + alias + " failed with HTTP " + response.getStatus() + ": " + body);
            }
            List<String> indices = new ArrayList<>();
            Json.mapper().readTree(body).fieldNames().forEachRemaining(indices::add);
            return indices;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
