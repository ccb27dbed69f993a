package dev.pulse.local.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the development RSA key pair that {@code ./pulse setup} writes: a PKCS#8 private key and an SPKI public key. */
public final class DevKeys {
    private DevKeys() {}

    public static PublicKey publicKey(Path pem) {
        return generate(
                pem,
                "PUBLIC KEY",
                bytes -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(bytes)));
    }

    public static PrivateKey privateKey(Path pem) {
        return generate(
                pem,
                "PRIVATE KEY",
                bytes -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes)));
    }

    /**
     * The public half of a PKCS#8 RSA private key, which carries the modulus and public exponent: {@code ./pulse token}
     * names its signing key's {@code kid} from the private key file alone.
     */
    public static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the dev JWT key is not an RSA private key with its public exponent");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the dev JWT public key", e);
        }
    }

    private interface KeyMaker<K> {
        K make(byte[] der) throws GeneralSecurityException;
    }

    private static <K> K generate(Path pem, String label, KeyMaker<K> maker) {
        String text;
        try {
            text = Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dev JWT key " + pem + " (run ./pulse setup)", e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException(
                    pem + " is not a PEM '" + label + "' (PKCS#8 private / SPKI public key expected)");
        }
        String base64 = text.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return maker.make(Base64.getDecoder().decode(base64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    pem + " holds no valid RSA " + label.toLowerCase(java.util.Locale.ROOT), e);
        }
    }
}
