package dev.pulse.local.kinesis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one event-source mapping has done so far, counted as Lambda's event-source mapping metrics count it:
 * invocations, those that failed wholly or reported batch item failures, records the function completed, and records
 * given up on (retries exhausted or too old).
 */
public final class MappingStats {
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final AtomicLong processedRecords = new AtomicLong();
    private final AtomicLong droppedRecords = new AtomicLong();

    public long invocations() {
        return invocations.get();
    }

    /** Invocations that returned a function error or at least one batch item failure. */
    public long failedInvocations() {
        return failedInvocations.get();
    }

    /** Records the function completed; a record is completed once, however often its batch was retried. */
    public long processedRecords() {
        return processedRecords.get();
    }

    /** Records discarded to the on-failure destination. */
    public long droppedRecords() {
        return droppedRecords.get();
    }

    /** One invocation of {@code size} records, of which the first {@code completed} were done. */
    void invoked(int size, int completed) {
        invocations.incrementAndGet();
        processedRecords.addAndGet(completed);
        if (completed < size) {
            failedInvocations.incrementAndGet();
        }
    }

    void dropped(int records) {
        droppedRecords.addAndGet(records);
    }
}
