package dev.pulse.core.topology;

import java.time.Duration;
import java.util.Optional;

/**
 * An SQS queue: a dead-letter (or quarantine) queue, kept for the longest retention, or a work queue that a function
 * consumes through a {@link QueueMappingSpec}, whose messages move to its {@code redrive} queue after {@code
 * maxReceiveCount} failed receives (SQS's redrive policy, which ElasticMQ honours too).
 */
public record QueueSpec(
        String name, String purpose, Duration retention, Duration visibilityTimeout, Optional<Redrive> redrive) {
    /** Where a work queue's message goes after {@code maxReceiveCount} receives that did not delete it. */
    public record Redrive(String deadLetterQueue, int maxReceiveCount) {
        public Redrive {
            if (maxReceiveCount < 1 || maxReceiveCount > 1_000) {
                throw new IllegalArgumentException("maxReceiveCount must be 1-1000, was " + maxReceiveCount);
            }
        }
    }

    public QueueSpec {
        Names.check(name);
        if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("queue " + name + " visibility timeout must be 0-12 hours");
        }
    }

    public QueueSpec(String name, String purpose, Duration retention, Duration visibilityTimeout) {
        this(name, purpose, retention, visibilityTimeout, Optional.empty());
    }

    public static QueueSpec deadLetter(String name, String purpose) {
        return new QueueSpec(name, purpose, Duration.ofDays(14), Duration.ofSeconds(30));
    }

    /**
     * A work queue consumed by a function of {@code functionTimeout}: SQS's visibility timeout must be at least the
     * function's timeout (AWS advises six times it), or a message is delivered again while its first run goes on.
     */
    public static QueueSpec work(
            String name, String purpose, Duration functionTimeout, String deadLetterQueue, int maxReceiveCount) {
        return new QueueSpec(
                name,
                purpose,
                Duration.ofDays(4),
                functionTimeout.multipliedBy(6).compareTo(Duration.ofHours(12)) > 0
                        ? Duration.ofHours(12)
                        : functionTimeout.multipliedBy(6),
                Optional.of(new Redrive(deadLetterQueue, maxReceiveCount)));
    }

    /** A dead-letter queue holds failures (its depth is an alarm); a work queue holds work to do. */
    public boolean isWork() {
        return redrive.isPresent();
    }
}
