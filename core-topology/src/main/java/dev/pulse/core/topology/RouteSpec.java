package dev.pulse.core.topology;

import java.util.List;

/**
 * An HTTP API route, such as {@code GET /mentions}, served by a function, optionally behind the JWT authorizer and
 * then optionally requiring scopes: a token passes when it carries at least one of them (none = any valid token).
 */
public record RouteSpec(String method, String path, String function, boolean authorized, List<String> scopes) {
    public RouteSpec {
        if (!method.matches("GET|POST|PUT|PATCH|DELETE|ANY")) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with /: " + path);
        }
        scopes = List.copyOf(scopes);
        if (!authorized && !scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes need the JWT authorizer: " + method + " " + path);
        }
        for (String scope : scopes) {
            // A token's scope claim is space-separated, so a scope with a space could never match.
            if (!scope.matches("\\S+")) {
                throw new IllegalArgumentException("a scope is one non-blank word: '" + scope + "'");
            }
        }
    }

    /** A route without scopes: public, or (when {@code authorized}) open to any valid token. */
    public RouteSpec(String method, String path, String function, boolean authorized) {
        this(method, path, function, authorized, List.of());
    }

    /** An authorized route that a token reaches only with at least one of {@code scopes}. */
    public static RouteSpec scoped(String method, String path, String function, String... scopes) {
        if (scopes.length == 0) {
            throw new IllegalArgumentException("a scoped route names at least one scope: " + method + " " + path);
        }
        return new RouteSpec(method, path, function, true, List.of(scopes));
    }

    /** API Gateway's route key, for example {@code GET /accounts/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
