package dev.pulse.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;

class OpenSearchClientsIT {
    private final OpenSearchClient client =
            OpenSearchClients.create(LocalPlatform.config().openSearch());
    private final String index = Unique.name("it-core");

    @AfterEach
    void dropIndex() throws Exception {
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }

    @Test
    void givenDocument_whenIndexed_thenReadBack() throws Exception {
        client.index(i -> i.index(index)
                .id("p1")
                .document(Map.of("name", "New York Times"))
                .refresh(Refresh.True));

        var found = client.get(g -> g.index(index).id("p1"), Map.class);

        assertThat(found.found()).isTrue();
        assertThat(found.source()).containsEntry("name", "New York Times");
        var hits = client.search(
                s -> s.index(index).query(q -> q.match(m -> m.field("name").query(v -> v.stringValue("york")))),
                Map.class);
        assertThat(hits.hits().total().value()).isEqualTo(1);
    }

    @Test
    void givenMissingIndex_whenSearched_thenIndexNotFound() {
        assertThatThrownBy(() -> client.search(s -> s.index(Unique.name("absent")), Map.class))
                .isInstanceOf(OpenSearchException.class)
                .hasMessageContaining("index_not_found_exception");
    }

    @Test
    void givenNothingListening_whenCalled_thenConnectionFails() {
        OpenSearchSettings dead = LocalPlatform.configWith(
                        OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort())
                .openSearch();
        OpenSearchClient unreachable = OpenSearchClients.create(dead);

        assertThatThrownBy(() -> unreachable.info()).isInstanceOf(java.io.IOException.class);
    }
}
