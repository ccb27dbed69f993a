package dev.pulse.core.topology;

import java.time.Duration;

/**
 * A Kinesis event-source mapping, with the settings Lambda honours: batching, starting position, partial batch
 * failures, bisect on error, retry and age limits, and the on-failure destination queue.
 */
public record StreamMappingSpec(
        String stream,
        String function,
        int batchSize,
        Duration batchingWindow,
        StartingPosition startingPosition,
        boolean reportBatchItemFailures,
        boolean bisectOnError,
        int maxRetryAttempts,
        Duration maxRecordAge,
        int parallelizationFactor,
        String onFailureQueue) {

    /** Where a new mapping starts reading. */
    public enum StartingPosition {
        TRIM_HORIZON,
        LATEST
    }

    public StreamMappingSpec {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be 1-10000");
        }
        if (batchingWindow.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("batching window must be at most 300 s");
        }
        if (maxRetryAttempts < -1 || maxRetryAttempts > 10_000) {
            throw new IllegalArgumentException("max retry attempts must be -1 (forever) to 10000");
        }
        if (parallelizationFactor < 1 || parallelizationFactor > 10) {
            throw new IllegalArgumentException("parallelization factor must be 1-10");
        }
    }
}
