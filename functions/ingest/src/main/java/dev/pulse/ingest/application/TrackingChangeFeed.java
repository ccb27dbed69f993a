package dev.pulse.ingest.application;

import java.time.Instant;
import java.util.Map;

/** The recent changes of the tracked set: which pages' account sets changed lately. */
public interface TrackingChangeFeed {
    /** No feed: cached answers live for their TTL alone. */
    TrackingChangeFeed NONE = now -> Map.of();

    /**
     * The pages changed in the last minute or two, each with an instant after its change: an answer fetched before it
     * may predate the change.
     *
     * @throws RuntimeException when the feed cannot be read
     */
    Map<String, Instant> recent(Instant now);
}
