package dev.pulse.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.PrematureJwtException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API Gateway's HTTP API JWT authorizer, locally. A {@code Bearer} (or bare) token passes when it is RS256, its
 * header's {@code kid} names a key of the issuer's key set and that key verifies it, and its claims pass
 * {@link ClaimChecks}; a route with scopes further needs the token's {@code scope} (or {@code scp}) to hold one of them.
 */
public final class JwtAuthorizer {
    private final JsonWebKeys keys;
    private final JwtParser parser;
    private final ClaimChecks checks;

    public JwtAuthorizer(JsonWebKeys keys, String issuer, Set<String> audiences, Clock clock) {
        this.keys = keys;
        this.parser = Jwts.parser()
                .keyLocator(new KidLocator(keys))
                .clock(() -> Date.from(clock.instant()))
                .build();
        this.checks = new ClaimChecks(issuer, audiences, clock);
    }

    /** One signing key, one audience, the system clock: the local runtime's authorizer. */
    public JwtAuthorizer(PublicKey key, String issuer, String audience) {
        this(JsonWebKeys.of(key), issuer, Set.of(audience), Clock.systemUTC());
    }

    /** The key set tokens are checked against, served at {@code /.well-known/jwks.json}. */
    public JsonWebKeys keys() {
        return keys;
    }

    /** The decision for an {@code Authorization} header value on a route requiring {@code routeScopes}. */
    public AuthorizerDecision authorize(String authorization, List<String> routeScopes) {
        if (authorization == null || authorization.isBlank()) {
            return new AuthorizerDecision.Unauthorized(Optional.empty());
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        ObjectNode claims;
        try {
            parser.parseSignedClaims(token);
            claims = rawClaims(token);
        } catch (ExpiredJwtException e) {
            return AuthorizerDecision.unauthorized("the token has expired");
        } catch (PrematureJwtException e) {
            return AuthorizerDecision.unauthorized("the token is not valid yet (nbf)");
        } catch (KidLocator.Rejected e) {
            return AuthorizerDecision.unauthorized(e.getMessage());
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return AuthorizerDecision.unauthorized("the token is malformed or its signature does not verify");
        }
        Optional<String> problem = checks.problem(claims);
        if (problem.isPresent()) {
            return AuthorizerDecision.unauthorized(problem.get());
        }
        List<String> scopes = scopes(claims);
        if (!routeScopes.isEmpty() && scopes.stream().noneMatch(routeScopes::contains)) {
            return new AuthorizerDecision.Forbidden("the token has none of the route's scopes " + routeScopes);
        }
        return new AuthorizerDecision.Allowed(authorizerContext(claims, !routeScopes.isEmpty()));
    }

    private static ObjectNode rawClaims(String token) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return (ObjectNode) Json.read(new String(json, StandardCharsets.UTF_8), JsonNode.class);
    }

    /** The {@code requestContext.authorizer} object of a route with scopes, from a verified token's claims. */
    public static ObjectNode authorizerContext(ObjectNode raw) {
        return authorizerContext(raw, true);
    }

    /**
     * API Gateway hands every claim over as a string. It fills {@code jwt.scopes} with the token's whole scope list
     * only on a route that requires scopes, and sends {@code null} on one that does not.
     */
    public static ObjectNode authorizerContext(ObjectNode raw, boolean scopedRoute) {
        ObjectNode authorizer = Json.mapper().createObjectNode();
        ObjectNode jwt = authorizer.putObject("jwt");
        ObjectNode claims = jwt.putObject("claims");
        raw.properties().stream()
                .filter(e -> !e.getValue().isNull())
                .forEach(e -> claims.put(e.getKey(), claimText(e.getValue())));
        List<String> scopes = scopes(raw);
        if (!scopedRoute) {
            jwt.putNull("scopes");
        } else if (!scopes.isEmpty()) {
            ArrayNode array = jwt.putArray("scopes");
            scopes.forEach(array::add);
        }
        return authorizer;
    }

    /** Arrays look like {@code [a b]}; objects stay JSON text. */
    private static String claimText(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return "[" + String.join(" ", items) + "]";
        }
        return value.isValueNode() ? value.asText() : Json.write(value);
    }

    /** Cognito writes {@code scope} space-separated; other issuers write {@code scp}, sometimes as an array. */
    private static List<String> scopes(ObjectNode raw) {
        JsonNode scope = raw.has("scope") ? raw.get("scope") : raw.get("scp");
        if (scope == null || scope.isNull()) {
            return List.of();
        }
        if (scope.isArray()) {
            List<String> items = new ArrayList<>();
            scope.forEach(v -> items.add(v.asText()));
            return items;
        }
        return TokenRequest.splitScopes(scope.asText());
    }

    /** Picks the verification key by the header's {@code kid}, for RS256 only, as the key set publishes them. */
    private static final class KidLocator extends LocatorAdapter<Key> {
        private final JsonWebKeys keys;

        KidLocator(JsonWebKeys keys) {
            this.keys = keys;
        }

        @Override
        protected Key locate(JwsHeader header) {
            if (!JsonWebKeys.RS256.equals(header.getAlgorithm())) {
                throw new Rejected("the token's algorithm is not RS256");
            }
            if (header.getKeyId() == null) {
                throw new Rejected("the token has no kid");
            }
            return keys.find(header.getKeyId())
                    .orElseThrow(() -> new Rejected("the token's kid names no key of the issuer"));
        }

        /** A header the key set cannot verify. */
        static final class Rejected extends JwtException {
            Rejected(String message) {
                super(message);
            }
        }
    }
}
