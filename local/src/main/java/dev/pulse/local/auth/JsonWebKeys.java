package dev.pulse.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The issuer's key set (RFC 7517), as Cognito publishes it at {@code /.well-known/jwks.json}: RS256 signing keys, each
 * named by its RFC 7638 thumbprint, so the same key pair keeps the same {@code kid} across restarts.
 */
public final class JsonWebKeys {
    /** The one algorithm the keys are published for; a token must name it to be checked against them. */
    public static final String RS256 = "RS256";

    private final Map<String, RSAPublicKey> byKid;

    private JsonWebKeys(Map<String, RSAPublicKey> byKid) {
        this.byKid = Map.copyOf(byKid);
    }

    public static JsonWebKeys of(PublicKey... keys) {
        Map<String, RSAPublicKey> byKid = new LinkedHashMap<>();
        for (PublicKey key : keys) {
            if (!(key instanceof RSAPublicKey rsa)) {
                throw new IllegalArgumentException("only RSA keys sign RS256 tokens, not " + key.getAlgorithm());
            }
            byKid.put(thumbprint(rsa), rsa);
        }
        return new JsonWebKeys(byKid);
    }

    /** Reads a JWKS document, keeping its RSA signature keys for RS256 and ignoring any other key. */
    public static JsonWebKeys parse(String document) {
        Map<String, RSAPublicKey> byKid = new LinkedHashMap<>();
        for (JsonNode jwk : Json.read(document, JsonNode.class).path("keys")) {
            if ("RSA".equals(jwk.path("kty").asText())
                    && RS256.equals(jwk.path("alg").asText(RS256))
                    && "sig".equals(jwk.path("use").asText("sig"))
                    && jwk.hasNonNull("kid")) {
                byKid.put(
                        jwk.get("kid").asText(),
                        rsaKey(jwk.path("n").asText(), jwk.path("e").asText()));
            }
        }
        return new JsonWebKeys(byKid);
    }

    /** The key a token's header names, if the set has it. */
    public Optional<RSAPublicKey> find(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
    }

    /** The document served at {@code /.well-known/jwks.json}. */
    public ObjectNode document() {
        ObjectNode document = Json.mapper().createObjectNode();
        ArrayNode keys = document.putArray("keys");
        byKid.forEach((kid, key) -> keys.addObject()
                .put("kid", kid)
                .put("kty", "RSA")
                .put("alg", RS256)
                .put("use", "sig")
                .put("n", base64Url(key.getModulus()))
                .put("e", base64Url(key.getPublicExponent())));
        return document;
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, without white space. */
    public static String thumbprint(RSAPublicKey key) {
        String members = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** RFC 7518 §6.3.1: the unsigned big-endian value with no leading zero octet. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RSAPublicKey rsaKey(String n, String e) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, decoder.decode(n)), new BigInteger(1, decoder.decode(e))));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("JWKS holds an RSA key with an invalid n or e", ex);
        }
    }
}
