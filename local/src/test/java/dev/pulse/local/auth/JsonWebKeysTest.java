package dev.pulse.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key set document, its RFC 7638 key ids and the {@code kid} dev tokens carry, checked against jjwt's own JWKs. */
class JsonWebKeysTest {
    private static KeyPair keys;
    private static RSAPublicKey publicKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        publicKey = (RSAPublicKey) keys.getPublic();
    }

    @Test
    void givenPublicKey_whenThumbprinted_thenEqualsJjwtsRfc7638Thumbprint() {
        RsaPublicJwk reference = Jwks.builder().key(publicKey).build();

        assertThat(JsonWebKeys.thumbprint(publicKey))
                .isEqualTo(reference.thumbprint().toString());
        assertThat(JsonWebKeys.thumbprint(publicKey)).isEqualTo(JsonWebKeys.thumbprint(publicKey));
    }

    @Test
    void givenKeySet_whenServed_thenOneRs256SigningJwkWithEveryMember() {
        JsonNode jwk = JsonWebKeys.of(publicKey).document().get("keys").get(0);

        assertThat(jwk.get("kid").asText()).isEqualTo(JsonWebKeys.thumbprint(publicKey));
        assertThat(jwk.get("kty").asText()).isEqualTo("RSA");
        assertThat(jwk.get("alg").asText()).isEqualTo("RS256");
        assertThat(jwk.get("use").asText()).isEqualTo("sig");
        assertThat(jwk.get("e").asText()).isEqualTo("AQAB");
        RsaPublicJwk parsed = (RsaPublicJwk) Jwks.parser().build().parse(Json.write(jwk));
        assertThat(parsed.toKey()).isEqualTo(publicKey);
    }

    @Test
    void givenServedDocument_whenParsedBack_thenTheSameKeyUnderTheSameKid() {
        String document = Json.write(JsonWebKeys.of(publicKey).document());

        JsonWebKeys parsed = JsonWebKeys.parse(document);

        assertThat(parsed.find(JsonWebKeys.thumbprint(publicKey))).contains(publicKey);
        assertThat(parsed.find("pulse-dev")).isEmpty();
        assertThat(parsed.find(null)).isEmpty();
    }

    @Test
    void givenKeysForOtherAlgorithmsOrUses_whenParsed_thenIgnored() {
        String kid = JsonWebKeys.thumbprint(publicKey);
        JsonNode jwk = JsonWebKeys.of(publicKey).document().get("keys").get(0);
        String document = "{\"keys\":[" + Json.write(jwk).replace("\"sig\"", "\"enc\"") + ","
                + Json.write(jwk).replace("\"RS256\"", "\"RS512\"") + "]}";

        assertThat(JsonWebKeys.parse(document).find(kid)).isEmpty();
    }

    @Test
    void givenDevToken_thenItsHeaderNamesTheSigningKeysThumbprint() {
        String token = new DevTokens(keys.getPrivate(), "https://pulse.local/dev", "pulse-web")
                .issue("user-1", "acct-1", "pulse/read", Instant.now(), Duration.ofMinutes(5));

        var header = Jwts.parser()
                .verifyWith(publicKey)
                .build()
                .parseSignedClaims(token)
                .getHeader();
        assertThat(header.getKeyId()).isEqualTo(JsonWebKeys.thumbprint(publicKey));
        assertThat(header.getAlgorithm()).isEqualTo("RS256");
    }
}
