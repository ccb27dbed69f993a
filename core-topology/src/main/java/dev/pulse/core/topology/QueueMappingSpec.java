package dev.pulse.core.topology;

/**
 * A Lambda event-source mapping for an SQS queue: batch size, how many invocations at once at most (the mapping's
 * maximum concurrency, at least 2 in AWS), and partial batch failures. A message whose run fails becomes visible again
 * and is retried until the queue's redrive policy moves it to its dead-letter queue.
 */
public record QueueMappingSpec(
        String queue, String function, int batchSize, int maximumConcurrency, boolean reportBatchItemFailures) {
    public QueueMappingSpec {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size must be 1-10 without a batching window");
        }
        if (maximumConcurrency < 2 || maximumConcurrency > 1_000) {
            throw new IllegalArgumentException("maximum concurrency must be 2-1000");
        }
    }
}
