package dev.pulse.local.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one development token asserts. Cognito's ID tokens carry {@code aud}, its access tokens {@code client_id}
 * instead; both may be set to try the authorizer's rule that {@code aud}, when present, is the one checked.
 */
public record TokenRequest(
        String subject,
        Optional<String> account,
        List<String> scopes,
        Optional<String> audience,
        Optional<String> clientId,
        Duration ttl,
        Optional<Instant> notBefore) {

    public TokenRequest {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject (--sub)");
        }
        scopes = List.copyOf(scopes);
        for (String scope : scopes) {
            if (!scope.matches("\\S+")) {
                throw new IllegalArgumentException("a scope is one non-blank word: '" + scope + "'");
            }
        }
    }

    /** A token for {@code subject} and {@code audience}, valid for an hour, with no account and no scope. */
    public static TokenRequest of(String subject, String audience) {
        return new TokenRequest(
                subject,
                Optional.empty(),
                List.of(),
                Optional.of(audience),
                Optional.empty(),
                Duration.ofHours(1),
                Optional.empty());
    }

    /** Space-separated scopes, as the {@code scope} claim and {@code --scopes} write them. */
    public static List<String> splitScopes(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    public TokenRequest withAccount(String value) {
        return new TokenRequest(subject, Optional.ofNullable(value), scopes, audience, clientId, ttl, notBefore);
    }

    public TokenRequest withScopes(List<String> value) {
        return new TokenRequest(subject, account, value, audience, clientId, ttl, notBefore);
    }

    /** Sets {@code aud}; empty leaves it out, as Cognito's access tokens do. */
    public TokenRequest withAudience(Optional<String> value) {
        return new TokenRequest(subject, account, scopes, value, clientId, ttl, notBefore);
    }

    public TokenRequest withClientId(Optional<String> value) {
        return new TokenRequest(subject, account, scopes, audience, value, ttl, notBefore);
    }

    /** A negative ttl makes a token that has already expired. */
    public TokenRequest withTtl(Duration value) {
        return new TokenRequest(subject, account, scopes, audience, clientId, value, notBefore);
    }

    public TokenRequest withNotBefore(Instant value) {
        return new TokenRequest(subject, account, scopes, audience, clientId, ttl, Optional.of(value));
    }
}
