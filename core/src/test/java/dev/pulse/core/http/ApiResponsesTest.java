package dev.pulse.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.SampleEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponsesTest {

    @Test
    void givenError_whenBuilt_thenOneJsonShapeWithStatus() throws Exception {
        var response = ApiResponses.badRequest("invalid_query", "q must not be blank");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        JsonNode body = Json.mapper().readTree(response.getBody());
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get("error").asText()).isEqualTo("invalid_query");
        assertThat(body.get("message").asText()).isEqualTo("q must not be blank");
    }

    @Test
    void givenUnavailable_whenBuilt_then503() {
        assertThat(ApiResponses.unavailable("search_unavailable", "try again").getStatusCode())
                .isEqualTo(503);
    }

    @Test
    void givenBody_whenOk_thenSerialisedAsJson() {
        var response = ApiResponses.ok(Map.of("query", "new"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"query\":\"new\"}");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    @Test
    void givenSampleGetEvent_whenQueryRead_thenDecodedParameters() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(SampleEvents.pathString("http-get.json"));

        assertThat(ApiRequests.query(event, "q")).contains("new yo");
        assertThat(ApiRequests.query(event, "missing")).isEmpty();
        assertThat(ApiRequests.claim(event, "sub")).isEmpty();
    }

    @Test
    void givenSampleJwtEvent_whenClaimRead_thenFromAuthorizer() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(SampleEvents.pathString("http-get-jwt.json"));

        assertThat(ApiRequests.claim(event, "account")).contains("acct-1");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes())
                .containsExactly("pulse/read", "pulse/write");
    }
}
