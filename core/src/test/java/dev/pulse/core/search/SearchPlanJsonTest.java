package dev.pulse.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.search.IndexDefinitions;
import dev.pulse.core.topology.search.SearchPlan;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The topology module writes its JSON by hand; a real parser checks it here, where Jackson is available. */
class SearchPlanJsonTest {

    private static JsonNode file(String resource) throws IOException {
        try (InputStream in = SearchPlanJsonTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void everyDefinition_compactsToTheSameTreeAsItsFile() throws IOException {
        for (String resource :
                List.of("opensearch/pages-v1.json", "opensearch/pages-v2.json", "opensearch/posts-template.json")) {
            assertThat(Json.mapper().readTree(IndexDefinitions.load(resource)))
                    .as(resource)
                    .isEqualTo(file(resource));
        }
    }

    @Test
    void thePlansJson_parses_andEachBodyIsTheDefinitionWithTheTargetsReplicas() throws IOException {
        SearchPlan plan = SearchPlan.of(PulseTopology.define(), SearchPlan.Target.aws(1, fn -> "arn:role/\"" + fn));
        JsonNode calls = Json.mapper().readTree(plan.toJson());

        assertThat(calls.size()).isEqualTo(plan.calls().size());
        ObjectNode pages = (ObjectNode) file("opensearch/pages-v2.json");
        ((ObjectNode) pages.path("settings").path("index")).put("number_of_replicas", 1);
        assertThat(calls.get(0).path("body")).isEqualTo(pages);
        assertThat(calls.get(0).path("unless").asText()).isEqualTo("/_alias/pages");
        assertThat(calls.get(4).path("body").path("backend_roles").get(0).asText())
                .isEqualTo("arn:role/\"ingest");
        for (JsonNode call : calls) {
            assertThat(call.path("method").asText()).isEqualTo("PUT");
            assertThat(call.path("path").asText()).startsWith("/");
        }
    }
}
