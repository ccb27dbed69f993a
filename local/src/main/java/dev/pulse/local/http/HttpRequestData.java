package dev.pulse.local.http;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as received, before API Gateway turns it into an event: headers keep every value and the client's
 * spelling is already lower-cased.
 */
public record HttpRequestData(
        String method,
        String rawPath,
        String rawQuery,
        String protocol,
        String sourceIp,
        Map<String, List<String>> headers,
        byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
