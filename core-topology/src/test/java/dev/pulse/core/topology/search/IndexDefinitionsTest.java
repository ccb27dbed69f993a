package dev.pulse.core.topology.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IndexDefinitionsTest {

    @Test
    void load_givesTheFileAsCompactJson_withItsOwnSettings() {
        String pages = IndexDefinitions.load("opensearch/pages-v2.json");

        assertThat(pages)
                .startsWith("{\"settings\":{\"index\":{\"number_of_shards\":1,\"number_of_replicas\":0,")
                .contains("\"sort.field\":[\"fans\",\"pageId\"]", "\"mappings\":{\"dynamic\":\"strict\"")
                .doesNotContain("\n", ": ");
    }

    @Test
    void givenReplicas_theyReplaceTheDeclaredCount_inIndicesAndTemplates() {
        assertThat(IndexDefinitions.load("opensearch/pages-v2.json", 1))
                .contains("\"number_of_replicas\":1")
                .doesNotContain("\"number_of_replicas\":0");
        assertThat(IndexDefinitions.load("opensearch/posts-template.json", 2))
                .contains("\"template\":{\"settings\":{\"index\":{\"number_of_shards\":1,\"number_of_replicas\":2,");
    }

    @Test
    void everyDefinitionOfTheTopology_declaresItsReplicasOnce() {
        Topology topology = PulseTopology.define();
        Stream.concat(
                        topology.aliases().stream().map(a -> a.definition()),
                        topology.indexTemplates().stream().map(t -> t.definition()))
                .forEach(resource -> assertThat(IndexDefinitions.load(resource, 3))
                        .as(resource)
                        .contains("\"number_of_replicas\":3"));
    }

    @Test
    void givenADefinitionWithoutReplicas_settingThemFails() {
        assertThatThrownBy(() -> IndexDefinitions.load("search-test/no-replicas.json", 1))
                .hasMessageContaining("search-test/no-replicas.json")
                .hasMessageContaining("number_of_replicas");
    }

    @Test
    void givenAMissingResource_itIsNamed() {
        assertThatThrownBy(() -> IndexDefinitions.load("opensearch/pages-v9.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opensearch/pages-v9.json");
    }
}
