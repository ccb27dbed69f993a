package dev.pulse.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a reporting function was asked: EventBridge Scheduler's event (its {@code time} picks the period before it),
 * or an on-demand one: {@code {"period":"2026-12-01T10:00:00Z","fresh":true,"dryRun":true}}.
 */
record JobEvent(Optional<Instant> period, Optional<Instant> time, boolean fresh, boolean dryRun) {
    static JobEvent read(InputStream input) throws IOException {
        return of(Json.mapper().readTree(input));
    }

    static JobEvent of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return new JobEvent(Optional.empty(), Optional.empty(), false, false);
        }
        return new JobEvent(
                instant(event, "period"),
                instant(event, "time"),
                event.path("fresh").asBoolean(false),
                event.path("dryRun").asBoolean(false));
    }

    private static Optional<Instant> instant(JsonNode event, String field) {
        if (!event.hasNonNull(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(event.path(field).asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant, was " + event.path(field));
        }
    }
}
