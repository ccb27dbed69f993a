package dev.pulse.core.topology;

import java.time.Duration;

/** An SQS queue; every one in Pulse is a dead-letter or quarantine queue, kept for the longest retention. */
public record QueueSpec(String name, String purpose, Duration retention, Duration visibilityTimeout) {
    public QueueSpec {
        Names.check(name);
    }

    public static QueueSpec deadLetter(String name, String purpose) {
        return new QueueSpec(name, purpose, Duration.ofDays(14), Duration.ofSeconds(30));
    }
}
