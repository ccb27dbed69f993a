package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.InvalidInputException;
import dev.pulse.accounts.domain.PageId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque list cursors: the last page id, signed with HMAC-SHA256 over the account too, so a cursor is neither forged
 * nor replayed against another account.
 */
public final class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> secret;

    /** Signs with the key {@code secret} supplies, asked for on each use so that it may be loaded lazily. */
    public Cursors(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    public String encode(AccountId account, PageId last) {
        return ENCODER.encodeToString(last.value().getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(sign(account, last.value()));
    }

    /** The page id the cursor names; 400 {@code cursor} when it is malformed or its signature is not ours. */
    public PageId decode(AccountId account, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            throw invalid();
        }
        try {
            String last = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(account, last))) {
                throw invalid();
            }
            return new PageId(last);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] sign(AccountId account, String last) {
        try {
            byte[] bytes = secret.get();
            if (bytes.length < 16) {
                throw new IllegalStateException("a cursor key needs at least 16 bytes");
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return mac.doFinal((account.value() + "\n" + last).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is malformed or was not issued by this API");
    }
}
