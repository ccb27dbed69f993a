package dev.pulse.local.kinesis;

import dev.pulse.local.LocalSettings;
import java.time.Duration;

/**
 * Local timings that Lambda does not expose: how often an idle shard is polled, the retry back-off, and how often
 * new shards are looked for. Tests shorten them; the semantics do not depend on them.
 */
public record MappingTuning(
        Duration idlePoll, Duration retryBackoff, Duration maxRetryBackoff, Duration shardDiscovery) {
    /** The runtime's timings: back-off and idle poll from the local settings, shards looked for every 5 s. */
    public static MappingTuning from(LocalSettings settings) {
        return new MappingTuning(
                settings.idlePoll(), settings.retryBackoff(), settings.maxRetryBackoff(), Duration.ofSeconds(5));
    }

    public Duration backoff(int retry) {
        long millis = retryBackoff.toMillis() << Math.min(10, Math.max(0, retry - 1));
        return Duration.ofMillis(Math.min(millis, maxRetryBackoff.toMillis()));
    }
}
