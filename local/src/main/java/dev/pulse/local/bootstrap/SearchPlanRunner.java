package dev.pulse.local.bootstrap;

import dev.pulse.core.topology.search.SearchCall;
import dev.pulse.core.topology.search.SearchPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Runs a search plan's calls in order with the OpenSearch client, as the CDK custom resource does on AWS: a call whose
 * guard path exists is skipped, an index that already exists counts as done, and any other failure stops the run,
 * naming the call and the response.
 */
public final class SearchPlanRunner {
    /** What became of one call. */
    public enum Outcome {
        DONE,
        ALREADY_EXISTED,
        SKIPPED
    }

    private final OpenSearchClient client;

    public SearchPlanRunner(OpenSearchClient client) {
        this.client = client;
    }

    /** One outcome per call, in the plan's order. */
    public List<Outcome> run(SearchPlan plan) {
        List<Outcome> outcomes = new ArrayList<>();
        for (SearchCall call : plan.calls()) {
            outcomes.add(run(call));
        }
        return outcomes;
    }

    private Outcome run(SearchCall call) {
        if (call.unless().isPresent() && guardExists(call)) {
            return Outcome.SKIPPED;
        }
        var request = Requests.builder().method(call.method()).endpoint(call.path());
        call.body().ifPresent(request::json);
        try (Response response = client.generic().execute(request.build())) {
            int status = response.getStatus();
            String body = response.getBody().map(Body::bodyAsString).orElse("");
            if (status < 300) {
                return Outcome.DONE;
            }
            if (status == 400 && body.contains("resource_already_exists_exception")) {
                return Outcome.ALREADY_EXISTED;
            }
            throw new IllegalStateException(call + " failed with HTTP " + status + ": " + body);
        } catch (IOException e) {
            throw new UncheckedIOException(call + " failed: " + e.getMessage(), e);
        }
    }

    private boolean guardExists(SearchCall call) {
        String guard = call.unless().orElseThrow();
        try (Response response = client.generic()
                .execute(Requests.builder().method("HEAD").endpoint(guard).build())) {
            return response.getStatus() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(call + ": HEAD " + guard + " failed: " + e.getMessage(), e);
        }
    }
}
