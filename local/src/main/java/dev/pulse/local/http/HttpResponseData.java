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
        return challenge(401, "Unauthorized", "Bearer");
    }

    /** A token that failed a check: API Gateway names the check in its RFC 6750 challenge. */
    public static HttpResponseData invalidToken(String reason) {
        return challenge(401, "Unauthorized", bearer("", "invalid_token", reason));
    }

    /** A valid token without any of the route's scopes. */
    public static HttpResponseData insufficientScope(List<String> routeScopes, String reason) {
        return challenge(403, "Forbidden", bearer(String.join(" ", routeScopes), "insufficient_scope", reason));
    }

    private static String bearer(String scope, String error, String description) {
        return "Bearer scope=\"" + scope + "\" error=\"" + error + "\" error_description=\"" + description + "\"";
    }

    private static HttpResponseData challenge(int status, String message, String wwwAuthenticate) {
        return new HttpResponseData(
                status,
                Map.of("content-type", List.of("application/json"), "www-authenticate", List.of(wwwAuthenticate)),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
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
