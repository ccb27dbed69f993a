package dev.pulse.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * API Gateway's JWT authorizer, locally: a {@code Bearer} RS256 token signed by the dev key, from the expected issuer,
 * for the expected audience (or Cognito's {@code client_id}), not expired. The result is the
 * {@code requestContext.authorizer} object, with every claim as a string as API Gateway passes them.
 */
public final class JwtAuthorizer {
    private final JwtParser parser;
    private final String audience;

    public JwtAuthorizer(PublicKey key, String issuer, String audience) {
        this.parser = Jwts.parser().verifyWith(key).requireIssuer(issuer).build();
        this.audience = audience;
    }

    /** The authorizer context for a valid {@code Authorization} header value, or empty for any invalid one. */
    public Optional<ObjectNode> authorize(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            if (!"RS256".equals(jws.getHeader().getAlgorithm()) || !audienceMatches(jws.getPayload())) {
                return Optional.empty();
            }
            return Optional.of(authorizerContext(rawClaims(token)));
        } catch (JwtException | IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private boolean audienceMatches(Claims claims) {
        return (claims.getAudience() != null && claims.getAudience().contains(audience))
                || audience.equals(claims.get("client_id", String.class));
    }

    private static ObjectNode rawClaims(String token) throws IOException {
        String payload = token.split("\\.")[1];
        byte[] json = Base64.getUrlDecoder().decode(payload);
        return (ObjectNode) Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
    }

    /** The {@code requestContext.authorizer} object API Gateway builds from a verified token's claims. */
    public static ObjectNode authorizerContext(ObjectNode raw) {
        ObjectNode authorizer = Json.mapper().createObjectNode();
        ObjectNode jwt = authorizer.putObject("jwt");
        ObjectNode claims = jwt.putObject("claims");
        raw.properties().forEach(e -> claims.put(e.getKey(), claimText(e.getValue())));
        List<String> scopes = scopes(raw);
        if (!scopes.isEmpty()) {
            ArrayNode array = jwt.putArray("scopes");
            scopes.forEach(array::add);
        }
        return authorizer;
    }

    /** API Gateway hands every claim over as a string; arrays look like {@code [a b]}. */
    private static String claimText(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return "[" + String.join(" ", items) + "]";
        }
        return value.isValueNode() ? value.asText() : Json.write(value);
    }

    private static List<String> scopes(ObjectNode raw) {
        JsonNode scope = raw.has("scope") ? raw.get("scope") : raw.get("scp");
        if (scope == null) {
            return List.of();
        }
        if (scope.isArray()) {
            List<String> items = new ArrayList<>();
            scope.forEach(v -> items.add(v.asText()));
            return items;
        }
        return List.of(scope.asText().strip().split("\\s+"));
    }
}
