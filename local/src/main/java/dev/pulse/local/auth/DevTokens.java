package dev.pulse.local.auth;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Issues development tokens shaped like the ones the web app gets from Cognito: RS256, the signing key's {@code kid}
 * in the header, subject, optional account, scopes, audience or client id, and optional not-before.
 */
public final class DevTokens {
    private final PrivateKey key;
    private final String keyId;
    private final String issuer;
    private final String audience;

    public DevTokens(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.keyId = JsonWebKeys.thumbprint((RSAPublicKey) DevKeys.publicKeyOf(key));
        this.issuer = issuer;
        this.audience = audience;
    }

    /** A request for {@code subject} carrying this issuer's default audience, to refine with its {@code with...}. */
    public TokenRequest request(String subject) {
        return TokenRequest.of(subject, audience);
    }

    public String issue(String subject, String account, String scope, Instant now, Duration ttl) {
        return issue(
                request(subject)
                        .withAccount(account)
                        .withScopes(TokenRequest.splitScopes(scope))
                        .withTtl(ttl),
                now);
    }

    public String issue(TokenRequest request, Instant now) {
        JwtBuilder token = Jwts.builder()
                .header()
                .keyId(keyId)
                .and()
                .id(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(request.subject());
        request.audience().ifPresent(aud -> token.audience().single(aud));
        request.clientId().ifPresent(id -> token.claim("client_id", id));
        request.account().ifPresent(account -> token.claim("account", account));
        if (!request.scopes().isEmpty()) {
            token.claim("scope", String.join(" ", request.scopes()));
        }
        request.notBefore().ifPresent(nbf -> token.notBefore(Date.from(nbf)));
        return token.claim("token_use", "access")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(request.ttl())))
                .signWith(key, Jwts.SIG.RS256)
                .compact();
    }

    /** Parses {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d} or an ISO-8601 duration such as {@code PT1H}. */
    public static Duration parseTtl(String text) {
        String value = text.strip();
        if (value.toUpperCase(java.util.Locale.ROOT).startsWith("P") || value.startsWith("-P")) {
            return Duration.parse(value);
        }
        if (!value.matches("-?\\d+[smhd]")) {
            throw new IllegalArgumentException("ttl must look like 90s, 15m, 1h or 7d: " + text);
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
