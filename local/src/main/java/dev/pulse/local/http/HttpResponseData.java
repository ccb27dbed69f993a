package dev.pulse.local.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The HTTP response API Gateway sends to the client: status, headers (each possibly repeated) and raw body bytes. */
public record HttpResponseData(int status, Map<String, List<String>> headers, byte[] body) {
    private static final Map<String, List<String>> JSON = Map.of("content-type", List.of("application/json"));

    public static HttpResponseData notFound() {
        return gatewayError(404, "Not Found");
    }

    public static HttpResponseData unauthorized() {
        return new HttpResponseData(
                401,
                Map.of("content-type", List.of("application/json"), "www-authenticate", List.of("Bearer")),
                "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponseData internalError() {
        return gatewayError(500, "Internal Server Error");
    }

    public static HttpResponseData serviceUnavailable() {
        return gatewayError(503, "Service Unavailable");
    }

    /** API Gateway's own answers: {@code {"message":"..."}} as JSON. */
    public static HttpResponseData gatewayError(int status, String message) {
        return new HttpResponseData(
                status, JSON, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
