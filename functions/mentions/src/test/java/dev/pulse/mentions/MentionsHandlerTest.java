package dev.pulse.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.SampleEvents;
import dev.pulse.mentions.adapter.memory.InMemoryPageDirectory;
import dev.pulse.mentions.application.ContractPages;
import dev.pulse.mentions.application.MentionsService;
import dev.pulse.mentions.domain.DirectoryUnavailableException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsHandlerTest {
    private final MentionsHandler handler = new MentionsHandler(new MentionsService(directory()));

    private static InMemoryPageDirectory directory() {
        InMemoryPageDirectory directory = new InMemoryPageDirectory();
        ContractPages.ALL.forEach(directory::put);
        return directory;
    }

    @Test
    void givenLambdaSampleEvent_whenHandled_thenRankedJson() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(SampleEvents.pathString("http-get.json"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        JsonNode body = Json.read(response.getBody(), JsonNode.class);
        assertThat(body.path("query").asText()).isEqualTo("new yo");
        assertThat(body.path("source").asText()).isEqualTo("index");
        assertThat(body.path("results").get(0).path("pageId").asText()).isEqualTo("nyt");
        JsonNode first = body.path("results").get(0);
        assertThat(first.has("name") && first.has("username") && first.has("category") && first.has("fans"))
                .isTrue();
        assertThat(first.path("verified").asBoolean()).isTrue();
    }

    @Test
    void givenLeadingAt_whenHandled_thenIgnored() {
        JsonNode body = Json.read(call(Map.of("q", "@nike")).getBody(), JsonNode.class);

        assertThat(body.path("query").asText()).isEqualTo("nike");
        assertThat(body.path("results").get(0).path("pageId").asText()).isEqualTo("nike");
    }

    @Test
    void givenNoLimit_whenHandled_thenAtMostEight() {
        JsonNode body = Json.read(call(Map.of("q", "n")).getBody(), JsonNode.class);
        assertThat(body.path("results").size()).isBetween(1, 8);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "      | 8   | invalid_query",
                "'   ' | 8   | invalid_query",
                "@     | 8   | invalid_query",
                "ni    | 0   | invalid_limit",
                "ni    | 21  | invalid_limit",
                "ni    | abc | invalid_limit",
                "ni    | -1  | invalid_limit"
            })
    void givenBadInput_whenHandled_then400WithErrorShape(String q, String limit, String code) {
        Map<String, String> params = new HashMap<>();
        if (q != null) {
            params.put("q", q);
        }
        params.put("limit", limit);

        assertBadRequest(call(params), code);
    }

    @Test
    void givenTooLongOrControlCharacters_whenHandled_then400() {
        assertBadRequest(call(Map.of("q", "a".repeat(101))), "invalid_query");
        assertBadRequest(call(Map.of("q", "new\u0000york")), "invalid_query");
        assertThat(call(Map.of("q", "a".repeat(100))).getStatusCode()).isEqualTo(200);
    }

    @Test
    void givenNoQueryParameters_whenHandled_then400() {
        assertBadRequest(handler.handleRequest(new APIGatewayV2HTTPEvent(), null), "invalid_query");
    }

    @Test
    void givenDirectoryDown_whenHandled_then503WithErrorShape() {
        MentionsHandler down = new MentionsHandler(new MentionsService(query -> {
            throw new DirectoryUnavailableException("connection refused", null);
        }));
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setQueryStringParameters(Map.of("q", "ni"));

        APIGatewayV2HTTPResponse response = down.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        JsonNode body = Json.read(response.getBody(), JsonNode.class);
        assertThat(body.path("error").asText()).isEqualTo("search_unavailable");
        assertThat(body.path("message").asText()).doesNotContain("connection refused");
    }

    private APIGatewayV2HTTPResponse call(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setQueryStringParameters(params);
        return handler.handleRequest(event, null);
    }

    private static void assertBadRequest(APIGatewayV2HTTPResponse response, String code) {
        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = Json.read(response.getBody(), JsonNode.class);
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }
}
