package dev.pulse.local.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.search.SearchCall;
import dev.pulse.core.topology.search.SearchPlan;
import dev.pulse.local.bootstrap.SearchPlanRunner.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The runner's semantics on the real local OpenSearch: guard, already-exists, and a failure that stops the run. */
class SearchPlanRunnerIT {
    private static final String EMPTY = "{\"settings\":{\"index\":{\"number_of_replicas\":0}}}";
    private final OpenSearchClient client =
            OpenSearchClients.create(LocalPlatform.config().openSearch());
    private final String prefix = Unique.name("it-runner") + "-";

    @AfterEach
    void dropIndices() throws Exception {
        client.indices()
                .delete(d -> d.index(prefix + "*").ignoreUnavailable(true).allowNoIndices(true));
    }

    private boolean exists(String index) throws Exception {
        return client.indices().exists(e -> e.index(index)).value();
    }

    @Test
    void givenAnIndexThatExists_creatingItAgainIsDone_andACallGuardedByItIsSkipped() throws Exception {
        SearchPlan plan = new SearchPlan(List.of(
                SearchCall.put("/" + prefix + "a", EMPTY),
                SearchCall.put("/" + prefix + "a", EMPTY),
                SearchCall.put("/" + prefix + "b", EMPTY).unless("/" + prefix + "a")));

        List<Outcome> outcomes = new SearchPlanRunner(client).run(plan);

        assertThat(outcomes).containsExactly(Outcome.DONE, Outcome.ALREADY_EXISTED, Outcome.SKIPPED);
        assertThat(exists(prefix + "a")).isTrue();
        assertThat(exists(prefix + "b")).isFalse();
    }

    @Test
    void givenAGuardThatDoesNotExist_theCallRuns() throws Exception {
        SearchPlan plan = new SearchPlan(
                List.of(SearchCall.put("/" + prefix + "c", EMPTY).unless("/_alias/" + prefix + "missing")));

        assertThat(new SearchPlanRunner(client).run(plan)).containsExactly(Outcome.DONE);
        assertThat(exists(prefix + "c")).isTrue();
    }

    @Test
    void givenAFailingCall_theRunStops_namingTheCallAndTheResponse() throws Exception {
        String bad = prefix + "Upper";
        SearchPlan plan = new SearchPlan(List.of(
                SearchCall.put("/" + prefix + "first", EMPTY),
                SearchCall.put("/" + bad, EMPTY),
                SearchCall.put("/" + prefix + "never", EMPTY)));

        assertThatThrownBy(() -> new SearchPlanRunner(client).run(plan))
                .hasMessageContaining("PUT /" + bad + " failed with HTTP 400")
                .hasMessageContaining("invalid_index_name_exception");
        assertThat(exists(prefix + "first")).isTrue();
        assertThat(exists(prefix + "never")).isFalse();
    }
}
