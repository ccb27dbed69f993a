package dev.pulse.ingest.application;

import java.time.Instant;
import java.util.Map;

/** The newest version of a page or post seen in a batch, with the record it came from. */
record Candidate<T>(T value, Instant updatedTime, SourceRecord source) {

    /**
     * Keeps the newer of the held and offered versions. On equal times the later record wins, matching the external
     * version check ({@code external_gte}) that lets an equal version overwrite.
     */
    static <T> void keepNewest(Map<String, Candidate<T>> held, String id, Candidate<T> offered) {
        held.merge(id, offered, (old, now) -> now.updatedTime.isBefore(old.updatedTime) ? old : now);
    }
}
