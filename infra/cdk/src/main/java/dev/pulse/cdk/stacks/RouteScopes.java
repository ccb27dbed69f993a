package dev.pulse.cdk.stacks;

import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;

/**
 * The scopes the topology's routes require, made issuable by Cognito: {@code pulse/read} is scope {@code read} of a
 * resource server {@code pulse} on the user pool. Cognito's own scopes (openid, email, ...) need no server.
 */
final class RouteScopes {
    private static final Map<String, OAuthScope> COGNITO_SCOPES = Map.of(
            "openid", OAuthScope.OPENID,
            "email", OAuthScope.EMAIL,
            "phone", OAuthScope.PHONE,
            "profile", OAuthScope.PROFILE,
            "aws.cognito.signin.user.admin", OAuthScope.COGNITO_ADMIN);
    /** Cognito caps a scope's description at 256 characters. */
    private static final int MAX_DESCRIPTION = 256;

    private RouteScopes() {}

    /** Adds one resource server per scope prefix and returns every scope a route requires, for the app client. */
    static List<OAuthScope> declare(UserPool userPool, Topology topology) {
        Map<String, Map<String, Set<String>>> servers = new LinkedHashMap<>();
        List<OAuthScope> scopes = new ArrayList<>();
        for (RouteSpec route : topology.routes()) {
            for (String scope : route.scopes()) {
                if (COGNITO_SCOPES.containsKey(scope)) {
                    if (!scopes.contains(COGNITO_SCOPES.get(scope))) {
                        scopes.add(COGNITO_SCOPES.get(scope));
                    }
                    continue;
                }
                int slash = scope.lastIndexOf('/');
                if (slash <= 0 || slash == scope.length() - 1) {
                    throw new IllegalArgumentException("route " + route.routeKey() + " requires scope '" + scope
                            + "': Cognito issues only its own scopes and 'server/scope' ones");
                }
                servers.computeIfAbsent(scope.substring(0, slash), k -> new LinkedHashMap<>())
                        .computeIfAbsent(scope.substring(slash + 1), k -> new LinkedHashSet<>())
                        .add(route.routeKey());
            }
        }
        servers.forEach((identifier, named) -> scopes.addAll(resourceServer(userPool, identifier, named)));
        return List.copyOf(scopes);
    }

    private static List<OAuthScope> resourceServer(
            UserPool userPool, String identifier, Map<String, Set<String>> routesByScope) {
        List<ResourceServerScope> scopes = new ArrayList<>();
        routesByScope.forEach((name, routes) -> scopes.add(ResourceServerScope.Builder.create()
                .scopeName(name)
                .scopeDescription(description(routes))
                .build()));
        UserPoolResourceServer server = userPool.addResourceServer(
                "Scopes-" + identifier.replaceAll("[^A-Za-z0-9]", "-"),
                UserPoolResourceServerOptions.builder()
                        .identifier(identifier)
                        .userPoolResourceServerName(identifier)
                        .scopes(scopes)
                        .build());
        return scopes.stream().map(s -> OAuthScope.resourceServer(server, s)).toList();
    }

    private static String description(Set<String> routes) {
        String text = "Required by " + String.join(", ", routes);
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 3) + "...";
    }
}
