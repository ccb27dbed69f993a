package dev.pulse.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authorizer against API Gateway's documented checks, on a fixed clock so every time boundary is exact. */
class JwtAuthorizerTest {
    private static final String ISSUER = "https://pulse.local/dev";
    private static final String AUDIENCE = "pulse-web";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final List<String> ANY_TOKEN = List.of();
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static String kid;
    private static DevTokens tokens;
    private static JwtAuthorizer authorizer;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        kid = JsonWebKeys.thumbprint((RSAPublicKey) keys.getPublic());
        tokens = new DevTokens(keys.getPrivate(), ISSUER, AUDIENCE);
        authorizer = new JwtAuthorizer(
                JsonWebKeys.of(keys.getPublic()), ISSUER, Set.of(AUDIENCE), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String token(UnaryOperator<TokenRequest> shape) {
        return tokens.issue(
                shape.apply(tokens.request("user-1").withScopes(List.of("pulse/read", "pulse/write"))), NOW);
    }

    /** A token built claim by claim, for the shapes {@link DevTokens} never makes; a later signWith replaces RS256. */
    private static String jwt(UnaryOperator<JwtBuilder> shape) {
        JwtBuilder builder = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer(ISSUER)
                .audience()
                .single(AUDIENCE)
                .subject("user-1")
                .issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(keys.getPrivate(), Jwts.SIG.RS256);
        return shape.apply(builder).compact();
    }

    private static AuthorizerDecision authorize(String token) {
        return authorizer.authorize("Bearer " + token, ANY_TOKEN);
    }

    private static void assertUnauthorized(String token, String because) {
        assertThat(authorize(token))
                .as(because)
                .isInstanceOfSatisfying(
                        AuthorizerDecision.Unauthorized.class,
                        u -> assertThat(u.reason())
                                .hasValueSatisfying(r -> assertThat(r).contains(because)));
    }

    private static ObjectNode allowedContext(AuthorizerDecision decision) {
        assertThat(decision).isInstanceOf(AuthorizerDecision.Allowed.class);
        return ((AuthorizerDecision.Allowed) decision).context();
    }

    @Test
    void givenValidToken_whenAuthorized_thenClaimsAreStringsAndScopesSplit() {
        ObjectNode context = allowedContext(
                authorizer.authorize("Bearer " + token(r -> r.withAccount("acct-1")), List.of("pulse/read")));

        assertThat(context.at("/jwt/claims/sub").asText()).isEqualTo("user-1");
        assertThat(context.at("/jwt/claims/account").asText()).isEqualTo("acct-1");
        assertThat(context.at("/jwt/claims/iss").asText()).isEqualTo(ISSUER);
        assertThat(context.at("/jwt/claims/aud").asText()).isEqualTo("pulse-web");
        assertThat(context.at("/jwt/claims/exp").asText()).isEqualTo(Long.toString(NOW.getEpochSecond() + 3600));
        assertThat(context.at("/jwt/scopes/0").asText()).isEqualTo("pulse/read");
        assertThat(context.at("/jwt/scopes/1").asText()).isEqualTo("pulse/write");
    }

    @Test
    void givenRouteWithoutScopes_whenAuthorized_thenScopesAreNullButTheScopeClaimStays() {
        ObjectNode context = allowedContext(authorize(token(r -> r)));

        assertThat(context.at("/jwt/scopes").isNull()).isTrue();
        assertThat(context.at("/jwt/claims/scope").asText()).isEqualTo("pulse/read pulse/write");
    }

    @Test
    void givenBareTokenWithoutBearerPrefix_whenAuthorized_thenAccepted() {
        assertThat(authorizer.authorize(token(r -> r), ANY_TOKEN)).isInstanceOf(AuthorizerDecision.Allowed.class);
    }

    @Test
    void givenExpiredToken_whenAuthorized_thenRejected() {
        assertUnauthorized(token(r -> r.withTtl(Duration.ofMinutes(-5))), "expired");
        assertUnauthorized(token(r -> r.withTtl(Duration.ZERO)), "expired");
        assertUnauthorized(jwt(b -> b.expiration(null)), "expired");
        assertThat(authorize(token(r -> r.withTtl(Duration.ofSeconds(1)))))
                .isInstanceOf(AuthorizerDecision.Allowed.class);
    }

    @Test
    void givenNotBeforeInTheFuture_whenAuthorized_thenRejectedAndAcceptedOnceReached() {
        assertUnauthorized(token(r -> r.withNotBefore(NOW.plusSeconds(1))), "nbf");
        assertThat(authorize(token(r -> r.withNotBefore(NOW)))).isInstanceOf(AuthorizerDecision.Allowed.class);
        assertThat(authorize(token(r -> r.withNotBefore(NOW.minusSeconds(60)))))
                .isInstanceOf(AuthorizerDecision.Allowed.class);
    }

    @Test
    void givenIssuedAtInTheFuture_whenAuthorized_thenRejected() {
        assertUnauthorized(jwt(b -> b.issuedAt(Date.from(NOW.plusSeconds(30)))), "iat");
    }

    @Test
    void givenTokenSignedByAnotherKey_whenAuthorized_thenRejected() {
        String ownKidOtherKey = jwt(b -> b.signWith(otherKeys.getPrivate(), Jwts.SIG.RS256));
        String otherKeysOwnKid = new DevTokens(otherKeys.getPrivate(), ISSUER, AUDIENCE)
                .issue("user-1", "acct-1", "pulse/read", NOW, Duration.ofHours(1));

        assertUnauthorized(ownKidOtherKey, "signature");
        assertUnauthorized(otherKeysOwnKid, "kid");
    }

    @Test
    void givenUnknownOrMissingKid_whenAuthorized_thenRejected() {
        String wrongKid = jwt(b -> b.header().keyId("pulse-dev").and());
        String noKid = jwt(b -> b.header().keyId(null).and());

        assertUnauthorized(wrongKid, "kid");
        assertUnauthorized(noKid, "kid");
    }

    @Test
    void givenRsaAlgorithmOtherThanRs256_whenAuthorized_thenRejected() {
        assertUnauthorized(jwt(b -> b.signWith(keys.getPrivate(), Jwts.SIG.RS384)), "RS256");
        assertUnauthorized(jwt(b -> b.signWith(keys.getPrivate(), Jwts.SIG.PS256)), "RS256");
    }

    @Test
    void givenMalformedTokens_whenAuthorized_thenRejected() {
        String valid = token(r -> r);
        String[] parts = valid.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"admin\",\"iss\":\"https://pulse.local/dev\",\"aud\":\"pulse-web\",\"exp\":"
                                + (NOW.getEpochSecond() + 600) + "}")
                        .getBytes(StandardCharsets.UTF_8));

        assertUnauthorized("not-a-jwt", "malformed");
        assertUnauthorized("a.b.c", "malformed");
        assertUnauthorized(parts[0] + "." + parts[1], "malformed");
        assertUnauthorized(parts[0] + "." + tamperedPayload + "." + parts[2], "signature");
    }

    @Test
    void givenAlgNoneToken_whenAuthorized_thenRejected() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = token(r -> r).split("\\.")[1];

        assertThat(authorize(header + "." + payload + ".")).isInstanceOf(AuthorizerDecision.Unauthorized.class);
        assertThat(authorize(header + "." + payload)).isInstanceOf(AuthorizerDecision.Unauthorized.class);
    }

    @Test
    void givenHmacTokenUsingThePublicKeyAsSecret_whenAuthorized_thenRejected() {
        // The classic confusion attack: HS256 keyed with the published RSA key's bytes, under the right kid.
        String confused =
                jwt(b -> b.signWith(Keys.hmacShaKeyFor(keys.getPublic().getEncoded()), Jwts.SIG.HS256));
        String randomSecret = jwt(b -> b.signWith(Jwts.SIG.HS256.key().build()));

        assertUnauthorized(confused, "RS256");
        assertUnauthorized(randomSecret, "RS256");
    }

    @Test
    void givenWrongIssuerOrAudience_whenAuthorized_thenRejected() {
        String wrongIssuer = new DevTokens(keys.getPrivate(), "https://evil.example", AUDIENCE)
                .issue("u", "a", "s", NOW, Duration.ofHours(1));
        String wrongAudience =
                new DevTokens(keys.getPrivate(), ISSUER, "other-app").issue("u", "a", "s", NOW, Duration.ofHours(1));

        assertUnauthorized(wrongIssuer, "issuer");
        assertUnauthorized(wrongAudience, "audience");
        assertUnauthorized(jwt(b -> b.issuer(null)), "issuer");
    }

    @Test
    void givenNoAud_whenClientIdMatches_thenAcceptedLikeACognitoAccessToken() {
        String accessToken = token(r -> r.withAudience(Optional.empty()).withClientId(Optional.of(AUDIENCE)));

        ObjectNode context = allowedContext(authorize(accessToken));
        assertThat(context.at("/jwt/claims/client_id").asText()).isEqualTo(AUDIENCE);
        assertThat(context.at("/jwt/claims/aud").isMissingNode()).isTrue();
    }

    @Test
    void givenNoAud_whenClientIdDiffersOrIsAbsent_thenRejected() {
        assertUnauthorized(
                token(r -> r.withAudience(Optional.empty()).withClientId(Optional.of("other-app"))), "audience");
        assertUnauthorized(token(r -> r.withAudience(Optional.empty())), "audience");
    }

    @Test
    void givenAudPresent_whenOnlyClientIdMatches_thenRejectedBecauseAudIsTheOneChecked() {
        assertUnauthorized(
                token(r -> r.withAudience(Optional.of("other-app")).withClientId(Optional.of(AUDIENCE))), "audience");
    }

    @Test
    void givenAudArray_whenOneEntryMatches_thenAccepted() {
        String token = jwt(b -> b.audience().add("other-app").add(AUDIENCE).and());

        assertThat(authorize(token)).isInstanceOf(AuthorizerDecision.Allowed.class);
    }

    @Test
    void givenScopedRoute_whenTokenHoldsOneOfItsScopes_thenAllowedWithTheTokensWholeScopeList() {
        ObjectNode context = allowedContext(authorizer.authorize(token(r -> r), List.of("pulse/admin", "pulse/write")));

        assertThat(context.at("/jwt/scopes")).extracting(JsonNode::asText).containsExactly("pulse/read", "pulse/write");
    }

    @Test
    void givenScopedRoute_whenTokenHoldsNoneOfItsScopes_then403() {
        List<String> adminOnly = List.of("pulse/admin");

        assertThat(authorizer.authorize(token(r -> r), adminOnly)).isInstanceOf(AuthorizerDecision.Forbidden.class);
        assertThat(authorizer.authorize(token(r -> r.withScopes(List.of())), adminOnly))
                .isInstanceOf(AuthorizerDecision.Forbidden.class);
    }

    @Test
    void givenScopedRoute_whenScopesComeAsScp_thenCheckedLikeScope() {
        List<String> writers = List.of("pulse/write");
        String scpText = jwt(b -> b.claim("scp", "pulse/read pulse/write"));
        String scpArray = jwt(b -> b.claim("scp", List.of("pulse/write")));
        String scpOther = jwt(b -> b.claim("scp", "pulse/read"));

        assertThat(authorizer.authorize(scpText, writers)).isInstanceOf(AuthorizerDecision.Allowed.class);
        assertThat(authorizer.authorize(scpArray, writers)).isInstanceOf(AuthorizerDecision.Allowed.class);
        assertThat(authorizer.authorize(scpOther, writers)).isInstanceOf(AuthorizerDecision.Forbidden.class);
    }

    @Test
    void givenScopedRoute_whenTokenIsInvalid_then401NotA403() {
        String expiredWithoutScope = token(r -> r.withScopes(List.of()).withTtl(Duration.ofMinutes(-1)));

        assertThat(authorizer.authorize("Bearer " + expiredWithoutScope, List.of("pulse/admin")))
                .isInstanceOf(AuthorizerDecision.Unauthorized.class);
    }

    @Test
    void givenMissingToken_whenAuthorized_thenRejectedWithoutReason() {
        for (String header : new String[] {null, "", "   "}) {
            assertThat(authorizer.authorize(header, ANY_TOKEN))
                    .isEqualTo(new AuthorizerDecision.Unauthorized(Optional.empty()));
        }
        assertUnauthorized("", "malformed");
    }

    @Test
    void givenPemFilesLikeOpensslWrites_whenLoaded_thenTokensRoundTrip(@TempDir Path dir) throws Exception {
        Path privatePem = dir.resolve("dev-jwt-private.pem");
        Path publicPem = dir.resolve("dev-jwt-public.pem");
        Files.writeString(privatePem, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(publicPem, pem("PUBLIC KEY", keys.getPublic().getEncoded()));

        String token = new DevTokens(DevKeys.privateKey(privatePem), ISSUER, AUDIENCE)
                .issue("user-2", "acct-2", "pulse/read", Instant.now(), DevTokens.parseTtl("1h"));

        assertThat(new JwtAuthorizer(DevKeys.publicKey(publicPem), ISSUER, AUDIENCE).authorize(token, ANY_TOKEN))
                .isInstanceOf(AuthorizerDecision.Allowed.class);
        assertThat(DevKeys.publicKeyOf(DevKeys.privateKey(privatePem))).isEqualTo(DevKeys.publicKey(publicPem));
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
