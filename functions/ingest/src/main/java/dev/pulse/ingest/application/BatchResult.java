package dev.pulse.ingest.application;

import java.util.List;

/**
 * What one batch did. {@code failedSequenceNumbers} are Kinesis records to report as {@code batchItemFailures}: only
 * transient failures, never poison.
 */
public record BatchResult(
        int recordsIn,
        int postsIn,
        int pagesUpserted,
        int postsIndexed,
        int superseded,
        int quarantined,
        List<String> failedSequenceNumbers) {
    public BatchResult {
        failedSequenceNumbers = List.copyOf(failedSequenceNumbers);
    }
}
