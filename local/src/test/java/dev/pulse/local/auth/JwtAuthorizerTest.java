package dev.pulse.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthorizerTest {
    private static final String ISSUER = "https://pulse.local/dev";
    private static final String AUDIENCE = "pulse-web";
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static JwtAuthorizer authorizer;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        authorizer = new JwtAuthorizer(keys.getPublic(), ISSUER, AUDIENCE);
    }

    private static String token(KeyPair pair, Duration ttl) {
        return new DevTokens(pair.getPrivate(), ISSUER, AUDIENCE)
                .issue("user-1", "acct-1", "pulse/read pulse/write", Instant.now(), ttl);
    }

    @Test
    void givenValidToken_whenAuthorized_thenClaimsAreStringsAndScopesSplit() {
        Optional<ObjectNode> context = authorizer.authorize("Bearer " + token(keys, Duration.ofHours(1)));

        assertThat(context).isPresent();
        assertThat(context.get().at("/jwt/claims/sub").asText()).isEqualTo("user-1");
        assertThat(context.get().at("/jwt/claims/account").asText()).isEqualTo("acct-1");
        assertThat(context.get().at("/jwt/claims/iss").asText()).isEqualTo(ISSUER);
        assertThat(context.get().at("/jwt/claims/aud").asText()).isEqualTo("pulse-web");
        assertThat(context.get().at("/jwt/claims/exp").isTextual()).isTrue();
        assertThat(context.get().at("/jwt/scopes/0").asText()).isEqualTo("pulse/read");
        assertThat(context.get().at("/jwt/scopes/1").asText()).isEqualTo("pulse/write");
    }

    @Test
    void givenExpiredToken_whenAuthorized_thenRejected() {
        assertThat(authorizer.authorize("Bearer " + token(keys, Duration.ofMinutes(-5))))
                .isEmpty();
    }

    @Test
    void givenTokenSignedByAnotherKey_whenAuthorized_thenRejected() {
        assertThat(authorizer.authorize("Bearer " + token(otherKeys, Duration.ofHours(1))))
                .isEmpty();
    }

    @Test
    void givenMalformedTokens_whenAuthorized_thenRejected() {
        String valid = token(keys, Duration.ofHours(1));
        String[] parts = valid.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"sub\":\"admin\",\"iss\":\"https://pulse.local/dev\",\"aud\":\"pulse-web\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(authorizer.authorize("Bearer not-a-jwt")).isEmpty();
        assertThat(authorizer.authorize("Bearer a.b.c")).isEmpty();
        assertThat(authorizer.authorize("Bearer " + parts[0] + "." + parts[1])).isEmpty();
        assertThat(authorizer.authorize("Bearer " + parts[0] + "." + tamperedPayload + "." + parts[2]))
                .isEmpty();
    }

    @Test
    void givenAlgNoneToken_whenAuthorized_thenRejected() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = token(keys, Duration.ofHours(1)).split("\\.")[1];

        assertThat(authorizer.authorize("Bearer " + header + "." + payload + "."))
                .isEmpty();
        assertThat(authorizer.authorize("Bearer " + header + "." + payload)).isEmpty();
    }

    @Test
    void givenHmacTokenUsingThePublicKeyAsSecret_whenAuthorized_thenRejected() {
        var secret = Jwts.SIG.HS256.key().build();
        String hmac = Jwts.builder()
                .issuer(ISSUER)
                .audience()
                .add(AUDIENCE)
                .and()
                .subject("user-1")
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(secret)
                .compact();

        assertThat(authorizer.authorize("Bearer " + hmac)).isEmpty();
    }

    @Test
    void givenWrongIssuerOrAudience_whenAuthorized_thenRejected() {
        String wrongIssuer = new DevTokens(keys.getPrivate(), "https://evil.example", AUDIENCE)
                .issue("u", "a", "s", Instant.now(), Duration.ofHours(1));
        String wrongAudience = new DevTokens(keys.getPrivate(), ISSUER, "other-app")
                .issue("u", "a", "s", Instant.now(), Duration.ofHours(1));

        assertThat(authorizer.authorize("Bearer " + wrongIssuer)).isEmpty();
        assertThat(authorizer.authorize("Bearer " + wrongAudience)).isEmpty();
    }

    @Test
    void givenMissingToken_whenAuthorized_thenRejected() {
        assertThat(authorizer.authorize(null)).isEmpty();
        assertThat(authorizer.authorize("")).isEmpty();
        assertThat(authorizer.authorize("Bearer ")).isEmpty();
    }

    @Test
    void givenPemFilesLikeOpensslWrites_whenLoaded_thenTokensRoundTrip(@TempDir Path dir) throws Exception {
        Path privatePem = dir.resolve("dev-jwt-private.pem");
        Path publicPem = dir.resolve("dev-jwt-public.pem");
        Files.writeString(privatePem, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(publicPem, pem("PUBLIC KEY", keys.getPublic().getEncoded()));

        String token = new DevTokens(DevKeys.privateKey(privatePem), ISSUER, AUDIENCE)
                .issue("user-2", "acct-2", "pulse/read", Instant.now(), DevTokens.parseTtl("1h"));

        assertThat(new JwtAuthorizer(DevKeys.publicKey(publicPem), ISSUER, AUDIENCE).authorize(token))
                .isPresent();
    }

    @Test
    void givenTtlTexts_whenParsed_thenDurations() {
        assertThat(DevTokens.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DevTokens.parseTtl("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DevTokens.parseTtl("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DevTokens.parseTtl("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DevTokens.parseTtl("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
