package dev.pulse.core.topology;

/** An HTTP API route, such as {@code GET /mentions}, served by a function, optionally behind the JWT authorizer. */
public record RouteSpec(String method, String path, String function, boolean authorized) {
    public RouteSpec {
        if (!method.matches("GET|POST|PUT|PATCH|DELETE|ANY")) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with /: " + path);
        }
    }

    /** API Gateway's route key, for example {@code GET /accounts/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
