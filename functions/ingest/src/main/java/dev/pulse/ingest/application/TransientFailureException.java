package dev.pulse.ingest.application;

/** A dependency is unavailable for now; the records involved are reported back to Kinesis to be retried. */
public final class TransientFailureException extends RuntimeException {
    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
