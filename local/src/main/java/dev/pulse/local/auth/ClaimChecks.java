package dev.pulse.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The claim checks API Gateway documents for a JWT authorizer, on a token whose signature already verified: {@code
 * iss} equals the issuer; {@code aud} matches an audience entry, or {@code client_id} does when {@code aud} is absent;
 * {@code exp} is after now; {@code nbf} and {@code iat} are not after now. No clock skew is allowed, as none is
 * documented, and the issuer and this check share one machine's clock locally.
 */
final class ClaimChecks {
    private final String issuer;
    private final Set<String> audiences;
    private final Clock clock;

    ClaimChecks(String issuer, Set<String> audiences, Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.clock = clock;
    }

    /** Why the claims fail, in the words of API Gateway's {@code www-authenticate} header, or empty when they pass. */
    Optional<String> problem(ObjectNode claims) {
        if (!issuer.equals(claims.path("iss").asText(null))) {
            return Optional.of("the token does not have a valid issuer");
        }
        if (!audienceMatches(claims)) {
            return Optional.of("the token does not have a valid audience");
        }
        double now = clock.millis() / 1000.0;
        JsonNode exp = claims.get("exp");
        // A token without exp never expires; Cognito always sets one, so the emulator refuses tokens that do not.
        if (exp == null || !exp.isNumber() || now >= exp.asDouble()) {
            return Optional.of("the token has expired");
        }
        if (after(claims.get("nbf"), now)) {
            return Optional.of("the token is not valid yet (nbf)");
        }
        if (after(claims.get("iat"), now)) {
            return Optional.of("the token was issued in the future (iat)");
        }
        return Optional.empty();
    }

    /** {@code client_id} counts only when {@code aud} is absent: a token with both is judged by {@code aud} alone. */
    private boolean audienceMatches(ObjectNode claims) {
        JsonNode aud = claims.get("aud");
        if (aud != null) {
            if (aud.isArray()) {
                for (JsonNode entry : aud) {
                    if (audiences.contains(entry.asText())) {
                        return true;
                    }
                }
                return false;
            }
            return audiences.contains(aud.asText());
        }
        JsonNode clientId = claims.get("client_id");
        return clientId != null && clientId.isTextual() && audiences.contains(clientId.asText());
    }

    /** A time claim that is present must be a number no later than now. */
    private static boolean after(JsonNode time, double now) {
        return time != null && (!time.isNumber() || time.asDouble() > now);
    }
}
