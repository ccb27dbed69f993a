package dev.pulse.ingest.application;

import java.util.Set;

/** Which pages customers track; only their posts are indexed. */
public interface TrackedPages {
    /**
     * The tracked subset of the given page ids.
     *
     * @throws TransientFailureException when the store cannot be read and no cached answer exists
     */
    Set<String> trackedAmong(Set<String> pageIds);
}
