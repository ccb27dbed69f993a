package dev.pulse.ingest.application;

import java.util.List;

/**
 * What one batch did. {@code failedSequenceNumbers} are Kinesis records to report as {@code batchItemFailures}: only
 * transient failures, never poison. {@code pagesSkipped} are pages not written because the index already held what
 * mentions reads of them ({@link WrittenPages}).
 */
public record BatchResult(
        int recordsIn,
        int postsIn,
        int pagesUpserted,
        int postsIndexed,
        int superseded,
        int quarantined,
        List<String> failedSequenceNumbers,
        int pagesSkipped) {
    public BatchResult {
        failedSequenceNumbers = List.copyOf(failedSequenceNumbers);
    }
}
