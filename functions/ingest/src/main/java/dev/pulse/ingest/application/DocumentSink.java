package dev.pulse.ingest.application;

import java.time.Instant;
import java.util.List;

/** Where pages and posts are written: OpenSearch's bulk API in production. */
public interface DocumentSink {
    /** Writes the ops, retrying transient failures until the deadline; returns one outcome per op, in order. */
    List<WriteOutcome> write(List<IndexOp> ops, Instant deadline);
}
