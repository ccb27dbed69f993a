package dev.pulse.local.kinesis;

import java.math.BigInteger;
import java.time.Instant;
import software.amazon.awssdk.services.kinesis.model.Record;

/** One Kinesis record as read from a shard, kept as bytes so the event carries exactly what the producer wrote. */
public record StreamRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant arrival) {

    public static StreamRecord of(String shardId, Record record) {
        return new StreamRecord(
                shardId,
                record.sequenceNumber(),
                record.partitionKey(),
                record.data().asByteArray(),
                record.approximateArrivalTimestamp());
    }

    /** Sequence numbers grow within a shard but are too long for a {@code long}. */
    public BigInteger sequence() {
        return new BigInteger(sequenceNumber);
    }
}
