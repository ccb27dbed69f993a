package dev.pulse.tools.firehose;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters the progress line shows; user records, not Kinesis records, since posts are what matter. */
public final class PublisherStats {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong kinesisRecords = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    private final Map<String, BigInteger> lastSequence = new ConcurrentHashMap<>();

    public long accepted() {
        return accepted.get();
    }

    /** User records Kinesis has acknowledged. */
    public long sent() {
        return sent.get();
    }

    public long kinesisRecords() {
        return kinesisRecords.get();
    }

    /** User records whose Kinesis record failed at least once and was put again. */
    public long retried() {
        return retried.get();
    }

    public long throttled() {
        return throttled.get();
    }

    /** Records over the Kinesis record size limit, which cannot be sent: written to the dead-letter file instead. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** The highest sequence number acknowledged per shard, so a consumer can tell when it has read everything. */
    public Map<String, String> lastSequenceNumbers() {
        Map<String, String> copy = new java.util.HashMap<>();
        lastSequence.forEach((shard, sequence) -> copy.put(shard, sequence.toString()));
        return copy;
    }

    void acknowledged(String shardId, String sequenceNumber) {
        if (shardId != null && sequenceNumber != null) {
            lastSequence.merge(shardId, new BigInteger(sequenceNumber), BigInteger::max);
        }
    }

    /** Accepted but not yet acknowledged. */
    public long backlog() {
        return accepted.get() - sent.get();
    }
}
