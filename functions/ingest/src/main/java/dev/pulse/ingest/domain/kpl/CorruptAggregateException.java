package dev.pulse.ingest.domain.kpl;

/** An aggregated Kinesis record whose digest or protobuf body is broken; its sub-records cannot be trusted. */
public final class CorruptAggregateException extends RuntimeException {
    public CorruptAggregateException(String message) {
        super(message);
    }
}
