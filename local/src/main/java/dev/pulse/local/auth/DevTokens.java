package dev.pulse.local.auth;

import io.jsonwebtoken.Jwts;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Issues development tokens shaped like the ones the web app gets from Cognito: RS256, subject, account, scopes. */
public final class DevTokens {
    private final PrivateKey key;
    private final String issuer;
    private final String audience;

    public DevTokens(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String issue(String subject, String account, String scope, Instant now, Duration ttl) {
        return Jwts.builder()
                .header()
                .keyId("pulse-dev")
                .and()
                .id(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience()
                .single(audience)
                .subject(subject)
                .claim("account", account)
                .claim("scope", scope)
                .claim("token_use", "access")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
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
