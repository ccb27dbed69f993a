package dev.pulse.tools.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.kpl.UserRecord;

/**
 * Keys a raw JSON line by its page id ({@code from.id}, else the prefix of {@code id}); poison (invalid JSON or
 * UTF-8 included) keeps a fixed key. The line's bytes are forwarded unchanged.
 */
final class LineKeys {
    static final String UNKEYED = "unkeyed";

    private LineKeys() {}

    static UserRecord record(byte[] line) {
        return new UserRecord(pageId(line), line);
    }

    static String pageId(byte[] line) {
        try {
            JsonNode post = Json.mapper().readTree(line);
            String from = post.path("from").path("id").asText("");
            if (!from.isEmpty()) {
                return from;
            }
            String id = post.path("id").asText("");
            int separator = id.indexOf('_');
            return separator > 0 ? id.substring(0, separator) : UNKEYED;
        } catch (Exception e) {
            // the ingest function quarantines it with the reason; the producer only forwards
            return UNKEYED;
        }
    }
}
