package dev.pulse.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.FunctionEnvironment;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import dev.pulse.mentions.application.ContractPages;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The handler through the production wiring against the local OpenSearch and Redis, and with each of them down. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentionsHandlerIT {
    private final TestPagesIndex index = new TestPagesIndex(ContractPages.documents());

    @AfterAll
    void dropIndex() {
        index.close();
    }

    @Test
    void givenLivePlatform_whenSamePrefixTwice_thenIndexThenCache() {
        MentionsHandler handler = handler(Map.of());

        JsonNode first = get(handler, "@new yo", 200);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> "cache"
                        .equals(get(handler, "new yo", 200).path("source").asText()));

        assertThat(first.path("source").asText()).isEqualTo("index");
        assertThat(first.path("results").get(0).path("pageId").asText()).isEqualTo("nyt");
        assertThat(get(handler, "NEW YO", 200).path("results")).isEqualTo(first.path("results"));
    }

    @Test
    void givenFunctionEnvironment_whenBuiltByLambdasConstructor_thenAnswers() throws Exception {
        Map<String, String> env = LocalPlatform.environment();
        env.put(MentionsConfig.PAGES_ALIAS, index.alias);
        env.put(MentionsConfig.CACHE_NAME, Unique.name("it-mentions"));

        MentionsHandler handler = FunctionEnvironment.call(env, MentionsHandler::new);

        assertThat(get(handler, "jurgen", 200)
                        .path("results")
                        .get(0)
                        .path("pageId")
                        .asText())
                .isEqualTo("klopp");
    }

    @Test
    void givenOpenSearchDown_whenPrefixWasCached_thenServedElse503() {
        String namespace = Unique.name("it-mentions");
        MentionsHandler healthy = handler(Map.of(MentionsConfig.CACHE_NAME, namespace));
        get(healthy, "nint", 200);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        "cache".equals(get(healthy, "nint", 200).path("source").asText()));

        // A fresh instance (cold: it never saw the alias) while OpenSearch is unreachable.
        MentionsHandler noIndex = handler(Map.of(
                MentionsConfig.CACHE_NAME,
                namespace,
                OpenSearchSettings.ENDPOINT,
                "http://127.0.0.1:" + LocalPlatform.closedPort()));

        JsonNode cached = get(noIndex, "nint", 200);
        assertThat(cached.path("source").asText()).isEqualTo("cache");
        assertThat(cached.path("results").get(0).path("pageId").asText()).isEqualTo("nintendo");
        JsonNode unavailable = get(noIndex, "star", 503);
        assertThat(unavailable.path("error").asText()).isEqualTo("search_unavailable");
        assertThat(unavailable.path("message").asText()).isNotBlank();
    }

    @Test
    void givenRedisDown_whenAskedRepeatedly_thenAlwaysAnsweredFromIndex() {
        MentionsHandler handler = handler(Map.of(RedisSettings.URL, "redis://127.0.0.1:" + LocalPlatform.closedPort()));

        for (int i = 0; i < 30; i++) {
            JsonNode body = get(handler, "star", 200);
            assertThat(body.path("source").asText()).isEqualTo("index");
            assertThat(body.path("results").get(0).path("pageId").asText()).isEqualTo("starbucks");
        }
    }

    private MentionsHandler handler(Map<String, String> overrides) {
        Map<String, String> env = LocalPlatform.environment();
        env.put(MentionsConfig.PAGES_ALIAS, index.alias);
        env.put(MentionsConfig.CACHE_NAME, Unique.name("it-mentions"));
        env.putAll(overrides);
        return new MentionsHandler(MentionsWiring.from(PulseConfig.fromEnv(env)).service());
    }

    private static JsonNode get(MentionsHandler handler, String q, int status) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setQueryStringParameters(Map.of("q", q));
        var response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.read(response.getBody(), JsonNode.class);
    }
}
