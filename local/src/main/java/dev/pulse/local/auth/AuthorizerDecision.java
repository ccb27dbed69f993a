package dev.pulse.local.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What API Gateway's JWT authorizer decides for one request: pass with the {@code requestContext.authorizer} object,
 * 401 for a missing or invalid token, or 403 for a valid token without any of the route's scopes.
 */
public sealed interface AuthorizerDecision {

    /** The token passed; {@code context} is what the function finds in {@code requestContext.authorizer}. */
    record Allowed(ObjectNode context) implements AuthorizerDecision {}

    /** No token ({@code reason} empty), or one that fails a check, which {@code reason} names. */
    record Unauthorized(Optional<String> reason) implements AuthorizerDecision {}

    /** A valid token carrying none of the route's scopes. */
    record Forbidden(String reason) implements AuthorizerDecision {}

    static AuthorizerDecision unauthorized(String reason) {
        return new Unauthorized(Optional.of(reason));
    }
}
