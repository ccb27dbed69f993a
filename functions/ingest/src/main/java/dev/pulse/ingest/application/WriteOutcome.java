package dev.pulse.ingest.application;

/** What happened to one {@link IndexOp}. */
public record WriteOutcome(Status status, String detail) {
    /** The classes of outcome the service acts on. */
    public enum Status {
        /** Indexed. */
        WRITTEN,
        /** A same-or-newer version is already indexed: a retry or an out-of-order record, harmless. */
        SUPERSEDED,
        /** Permanently refused (mapping, 4xx): quarantine it. */
        REJECTED,
        /** Still failing after retries (429, 5xx, connection): report the record to be retried. */
        TRANSIENT
    }

    public static final WriteOutcome WRITTEN_OK = new WriteOutcome(Status.WRITTEN, "");
    public static final WriteOutcome SUPERSEDED_OK = new WriteOutcome(Status.SUPERSEDED, "");

    public boolean done() {
        return status == Status.WRITTEN || status == Status.SUPERSEDED;
    }
}
