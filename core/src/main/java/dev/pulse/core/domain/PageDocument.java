package dev.pulse.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A page as stored in the {@code pages} alias: written by ingest, read by mentions. Derived search fields live in the
 * index mapping (multi-fields and analyzers), never here, so both functions agree on one document shape.
 */
public record PageDocument(
        String pageId,
        String name,
        String username,
        String category,
        long fans,
        boolean verified,
        Instant updatedTime) {

    public PageDocument {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(name, "name");
        if (pageId.isBlank()) {
            throw new IllegalArgumentException("pageId must not be blank");
        }
        if (fans < 0) {
            throw new IllegalArgumentException("fans must not be negative");
        }
    }
}
