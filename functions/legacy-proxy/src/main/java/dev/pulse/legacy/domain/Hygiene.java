package dev.pulse.legacy.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What crosses the proxy: hop-by-hop headers (RFC 9110 7.6.1, and any the Connection header names) never do, nor the
 * framing headers the HTTP client sets itself. {@code Authorization} is the caller's Pulse token: meant for the new
 * service only, never for legacy; v1's own session header and cookies are meant for legacy only.
 */
public final class Hygiene {
    /** Hop-by-hop, plus what the client library frames itself ({@code host}, {@code content-length}, {@code expect}). */
    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");

    public static final String AUTHORIZATION = "authorization";
    public static final String V1_USER = "x-v1-user";

    private Hygiene() {}

    /** The headers to send to legacy: end-to-end ones, without the Pulse token. */
    public static Map<String, String> towardsLegacy(Map<String, String> headers) {
        Map<String, String> out = endToEnd(headers);
        out.remove(AUTHORIZATION);
        return out;
    }

    /** A backend's response headers fit to pass back to the caller. */
    public static Map<String, String> towardsCaller(Map<String, String> headers) {
        return endToEnd(headers);
    }

    /** {@code headers} (names lower-cased) without hop-by-hop ones and without those the Connection header lists. */
    public static Map<String, String> endToEnd(Map<String, String> headers) {
        Set<String> drop = new HashSet<>(HOP_BY_HOP);
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("connection") && value != null) {
                for (String listed : value.split(",")) {
                    drop.add(listed.strip().toLowerCase(Locale.ROOT));
                }
            }
        });
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // API Gateway's own x-amzn-* and x-forwarded-* are about the hop to the proxy, not to the backend.
            if (!drop.contains(lower) && !lower.startsWith("x-amzn-") && !lower.startsWith("x-forwarded-")) {
                out.put(lower, value);
            }
        });
        return out;
    }
}
