package dev.pulse.ingest.domain.kpl;

import java.util.Objects;

/** One producer record inside a Kinesis record: its partition key and payload, as the KPL defines it. */
public record UserRecord(String partitionKey, byte[] data) {
    public UserRecord {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
    }
}
