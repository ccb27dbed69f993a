package dev.pulse.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import dev.pulse.mentions.application.ContractPages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Redis, then OpenSearch, dies in the middle of a run of requests (through a proxy we cut): the handler must only ever
 * answer 200 (from the index or the cache) or, for uncached prefixes while OpenSearch is down, 503 — never 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageDuringLoadIT {
    private static final List<String> HOT = List.of("n", "ni", "nik", "new", "new y", "york", "star", "caf");

    private final TestPagesIndex index = new TestPagesIndex(ContractPages.documents());

    @AfterAll
    void dropIndex() {
        index.close();
    }

    @Test
    void givenRedisDiesMidRun_whenRequestsContinue_thenAllAnsweredFromIndexThenCacheAgain() {
        try (TcpProxy redis = new TcpProxy(LocalPlatform.config().redis().uri().getPort())) {
            MentionsHandler handler = handler(Map.of(RedisSettings.URL, "redis://127.0.0.1:" + redis.port()));
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            run(handler, 3, unexpected, false); // warm the cache
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() ->
                            "cache".equals(body(handler, "nik").path("source").asText()));

            redis.cut();
            int fromIndex = run(handler, 10, unexpected, false);
            redis.restore();
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() ->
                            "cache".equals(body(handler, "nik").path("source").asText()));

            assertThat(unexpected).isEmpty();
            assertThat(fromIndex).isPositive();
        }
    }

    @Test
    void givenOpenSearchDiesMidRun_whenRequestsContinue_thenCachedServedOthers503() {
        try (TcpProxy openSearch =
                new TcpProxy(LocalPlatform.config().openSearch().endpoint().getPort())) {
            MentionsHandler handler =
                    handler(Map.of(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + openSearch.port()));
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            run(handler, 3, unexpected, false);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> HOT.stream()
                            .allMatch(q -> "cache"
                                    .equals(body(handler, q).path("source").asText())));

            openSearch.cut();
            run(handler, 10, unexpected, true);
            JsonNode uncached = call(handler, "zzz-never-cached", 503);
            openSearch.restore();
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> handler.handleRequest(event("jurgen"), null).getStatusCode() == 200);

            assertThat(unexpected).isEmpty();
            assertThat(uncached.path("error").asText()).isEqualTo("search_unavailable");
        }
    }

    /** Runs the hot prefixes {@code rounds} times; returns how many answers came from the index. */
    private static int run(
            MentionsHandler handler, int rounds, ConcurrentLinkedQueue<String> unexpected, boolean cacheOnly) {
        int fromIndex = 0;
        for (int round = 0; round < rounds; round++) {
            for (String q : HOT) {
                var response = handler.handleRequest(event(q), null);
                if (response.getStatusCode() != 200) {
                    unexpected.add(q + " -> " + response.getStatusCode() + " " + response.getBody());
                    continue;
                }
                String source = Json.read(response.getBody(), JsonNode.class)
                        .path("source")
                        .asText();
                if (cacheOnly && !"cache".equals(source)) {
                    unexpected.add(q + " -> answered from " + source + " while the index was down");
                }
                fromIndex += "index".equals(source) ? 1 : 0;
            }
        }
        return fromIndex;
    }

    private MentionsHandler handler(Map<String, String> overrides) {
        Map<String, String> env = LocalPlatform.environment();
        env.put(MentionsConfig.PAGES_ALIAS, index.alias);
        env.put(MentionsConfig.CACHE_NAME, Unique.name("it-outage"));
        env.put(RedisSettings.TIMEOUT_MS, "200");
        env.put(OpenSearchSettings.TIMEOUT_MS, "2000");
        env.putAll(overrides);
        return new MentionsHandler(MentionsWiring.from(PulseConfig.fromEnv(env)).service());
    }

    private static JsonNode body(MentionsHandler handler, String q) {
        return Json.read(handler.handleRequest(event(q), null).getBody(), JsonNode.class);
    }

    private static JsonNode call(MentionsHandler handler, String q, int status) {
        var response = handler.handleRequest(event(q), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.read(response.getBody(), JsonNode.class);
    }

    private static APIGatewayV2HTTPEvent event(String q) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setQueryStringParameters(Map.of("q", q));
        return event;
    }
}
