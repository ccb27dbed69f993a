package dev.pulse.tools.firehose;

import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects user records into one aggregate until a byte budget would be exceeded, like the KPL does per shard. Not
 * thread-safe: one per shard, owned by one producer thread.
 */
public final class Aggregator {
    private final int budgetBytes;
    private final List<UserRecord> records = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private int size = AggregatedRecords.OVERHEAD;

    public Aggregator(int budgetBytes) {
        if (budgetBytes < 256) {
            throw new IllegalArgumentException("aggregation budget must be at least 256 bytes");
        }
        this.budgetBytes = budgetBytes;
    }

    /**
     * Adds a record, or, when it would not fit, returns the aggregate so far (then starts a new one holding the
     * record). A record larger than the budget alone still goes out, alone.
     */
    public Optional<Aggregate> add(UserRecord record) {
        Optional<Aggregate> full = Optional.empty();
        if (!records.isEmpty() && size + growth(record) > budgetBytes) {
            full = drain();
        }
        size += growth(record);
        keys.add(record.partitionKey());
        records.add(record);
        return full;
    }

    /** The pending aggregate, if any, and resets. */
    public Optional<Aggregate> drain() {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        Aggregate aggregate =
                new Aggregate(records.getFirst().partitionKey(), AggregatedRecords.encode(records), records.size());
        records.clear();
        keys.clear();
        size = AggregatedRecords.OVERHEAD;
        return Optional.of(aggregate);
    }

    public int pendingRecords() {
        return records.size();
    }

    public int pendingBytes() {
        return size;
    }

    private int growth(UserRecord record) {
        int keyCost = keys.contains(record.partitionKey()) ? 0 : AggregatedRecords.sizeOfKey(record.partitionKey());
        // the new record's key index is at most the table size, which bounds its varint width
        return keyCost + AggregatedRecords.sizeOf(keys.size(), record.data());
    }

    /** One Kinesis record's worth: the partition key to put it with, its bytes, and how many user records it holds. */
    public record Aggregate(String partitionKey, byte[] data, int userRecords) {}
}
