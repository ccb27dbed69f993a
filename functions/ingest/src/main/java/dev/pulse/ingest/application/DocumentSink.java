package dev.pulse.ingest.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where pages and posts are written: OpenSearch's bulk API in production. */
public interface DocumentSink {
    /** Writes the ops, retrying transient failures until the deadline; returns one outcome per op, in order. */
    List<WriteOutcome> write(List<IndexOp> ops, Instant deadline);

    /**
     * The current versions of those documents, as a write acknowledged before this call left them (a realtime read,
     * not the last refresh); a document that does not exist is absent. A sink that cannot read knows none, and then
     * no page write is ever skipped.
     *
     * @throws TransientFailureException when the index cannot tell
     */
    default Map<String, Long> versions(String index, Collection<String> ids) {
        return Map.of();
    }
}
