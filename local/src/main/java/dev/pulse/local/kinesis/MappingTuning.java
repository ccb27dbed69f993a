package dev.pulse.local.kinesis;

import java.time.Duration;

/**
 * Local timings that Lambda does not expose: how often an idle shard is polled, the retry back-off, and how often
 * new shards are looked for. Tests shorten them; the semantics do not depend on them.
 */
public record MappingTuning(
        Duration idlePoll, Duration retryBackoff, Duration maxRetryBackoff, Duration shardDiscovery) {
    public static MappingTuning defaults() {
        return new MappingTuning(
                Duration.ofMillis(250), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    Duration backoff(int retry) {
        long millis = retryBackoff.toMillis() << Math.min(10, Math.max(0, retry - 1));
        return Duration.ofMillis(Math.min(millis, maxRetryBackoff.toMillis()));
    }
}
