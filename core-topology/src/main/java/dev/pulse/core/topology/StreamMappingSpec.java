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

    /** Lambda's range for MaximumRecordAgeInSeconds; {@link Duration#ZERO} stands for its {@code -1}, no limit. */
    public static final Duration MIN_RECORD_AGE = Duration.ofSeconds(60);

    public static final Duration MAX_RECORD_AGE = Duration.ofDays(7);

    /** Where a new mapping starts reading. */
    public enum StartingPosition {
        TRIM_HORIZON,
        LATEST
    }

    public StreamMappingSpec {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be 1-10000");
        }
        if (batchingWindow.isNegative() || batchingWindow.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("batching window must be 0-300 s, was " + batchingWindow.toSeconds());
        }
        if (!maxRecordAge.isZero()
                && (maxRecordAge.compareTo(MIN_RECORD_AGE) < 0 || maxRecordAge.compareTo(MAX_RECORD_AGE) > 0)) {
            throw new IllegalArgumentException(
                    "maximum record age must be 0 (no limit, Lambda's -1) or 60-604800 s, was "
                            + maxRecordAge.toSeconds() + " s");
        }
        if (maxRetryAttempts < -1 || maxRetryAttempts > 10_000) {
            throw new IllegalArgumentException("max retry attempts must be -1 (forever) to 10000");
        }
        if (parallelizationFactor < 1 || parallelizationFactor > 10) {
            throw new IllegalArgumentException("parallelization factor must be 1-10");
        }
    }
}
