package dev.pulse.local.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * Lambda's 6 MB limit on a synchronous invocation's payload: a batch that would exceed it is cut into consecutive
 * batches, as the event-source mapping does, so large (KPL-aggregated) records never make an oversized event.
 */
final class PayloadLimit {
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    /** A record's share of the event JSON besides its data: ids, ARNs, timestamps and field names. */
    private static final int RECORD_OVERHEAD = 600;

    private PayloadLimit() {}

    static List<List<StreamRecord>> split(List<StreamRecord> records) {
        List<List<StreamRecord>> batches = new ArrayList<>();
        List<StreamRecord> current = new ArrayList<>();
        long bytes = 0;
        for (StreamRecord record : records) {
            long size = RECORD_OVERHEAD + 4L * ((record.data().length + 2) / 3);
            if (!current.isEmpty() && bytes + size > MAX_EVENT_BYTES) {
                batches.add(List.copyOf(current));
                current.clear();
                bytes = 0;
            }
            current.add(record);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }
}
