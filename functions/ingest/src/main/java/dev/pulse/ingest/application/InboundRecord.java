package dev.pulse.ingest.application;

import java.time.Instant;
import java.util.Objects;

/** One Kinesis record as delivered to the function: where it sits in the stream, and its (maybe aggregated) bytes. */
public record InboundRecord(
        String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant approximateArrival) {
    public InboundRecord {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(data, "data");
    }
}
