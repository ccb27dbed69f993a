package dev.pulse.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.Optional;

/** Reads the parts of an HTTP API (payload 2.0) request that handlers need, tolerating the nulls Lambda sends. */
public final class ApiRequests {
    private ApiRequests() {}

    public static Optional<String> query(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? Optional.empty() : Optional.ofNullable(params.get(name));
    }

    public static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> params = event.getPathParameters();
        return params == null ? Optional.empty() : Optional.ofNullable(params.get(name));
    }

    /** A JWT claim that API Gateway's authorizer verified; absent when the route has no authorizer. */
    public static Optional<String> claim(APIGatewayV2HTTPEvent event, String name) {
        var context = event.getRequestContext();
        if (context == null
                || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? Optional.empty() : Optional.ofNullable(claims.get(name));
    }
}
