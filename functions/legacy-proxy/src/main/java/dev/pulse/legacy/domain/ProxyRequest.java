package dev.pulse.legacy.domain;

import java.util.Map;

/**
 * A legacy client's request as the proxy received it: the v1 path (without {@code /legacy}), the raw query string,
 * lower-cased headers, the body, and who the caller is for canary stickiness (v1's user, else the source address).
 */
public record ProxyRequest(
        String method, String path, String rawQuery, Map<String, String> headers, byte[] body, String caller) {
    public ProxyRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public String pathAndQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    public String header(String name) {
        return headers.get(name);
    }
}
