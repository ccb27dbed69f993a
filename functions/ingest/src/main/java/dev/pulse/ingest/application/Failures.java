package dev.pulse.ingest.application;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Kinesis records of a batch that failed transiently. Lambda resumes each shard at its lowest reported sequence
 * number, so everything from there on will be delivered again.
 */
final class Failures {
    private final TreeSet<BigInteger> sequenceNumbers = new TreeSet<>();
    private final Map<String, BigInteger> firstByShard = new HashMap<>();

    void add(SourceRecord source) {
        add(source.inbound().shardId(), source.sequenceNumber());
    }

    void add(String shardId, String sequenceNumber) {
        BigInteger sequence = new BigInteger(sequenceNumber);
        sequenceNumbers.add(sequence);
        firstByShard.merge(shardId, sequence, BigInteger::min);
    }

    /** True when the entry's record comes before its shard's first failure, so Lambda will not deliver it again. */
    boolean notReplayed(QuarantineEntry entry) {
        BigInteger first = firstByShard.get(entry.shardId());
        return first == null || new BigInteger(entry.sequenceNumber()).compareTo(first) < 0;
    }

    List<String> sequenceNumbers() {
        return sequenceNumbers.stream().map(BigInteger::toString).toList();
    }
}
