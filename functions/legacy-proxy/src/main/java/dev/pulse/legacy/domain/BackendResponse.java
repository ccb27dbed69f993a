package dev.pulse.legacy.domain;

import java.util.Map;

/** What a backend answered: status, end-to-end headers (lower-cased) and the body as text. */
public record BackendResponse(int status, Map<String, String> headers, String body) {
    public BackendResponse {
        headers = Map.copyOf(headers);
    }
}
