package dev.pulse.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.core.json.Json;
import java.util.Map;

/**
 * Builds HTTP API (payload 2.0) responses. Every body is JSON; every error has the one shape
 * {@code {"error": code, "message": text}}.
 */
public final class ApiResponses {
    private static final Map<String, String> JSON_HEADERS =
            Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store");

    private ApiResponses() {}

    public static APIGatewayV2HTTPResponse ok(Object body) {
        return json(200, body);
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(Json.write(body))
                .withIsBase64Encoded(false)
                .build();
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String message) {
        return json(status, new ApiError(code, message));
    }

    public static APIGatewayV2HTTPResponse badRequest(String code, String message) {
        return error(400, code, message);
    }

    public static APIGatewayV2HTTPResponse unavailable(String code, String message) {
        return error(503, code, message);
    }

    /** The error body. */
    public record ApiError(String error, String message) {}
}
