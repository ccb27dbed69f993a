package dev.pulse.mentions.application;

import dev.pulse.mentions.domain.PageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where hot prefixes are kept. Implementations never throw: a cache that cannot answer reports a miss, and a write it
 * cannot make is dropped, because the index can always answer instead.
 */
public interface MentionCache {
    Optional<List<PageSummary>> get(String key);

    void put(String key, List<PageSummary> pages, Duration ttl);

    /**
     * Claims the right to fill {@code key} for {@code ttl}, across every instance: true when this caller should query
     * the index (also whenever the cache cannot tell), false when another caller holds the claim.
     */
    boolean claim(String key, Duration ttl);

    /** Keeps the index version where a cold instance can find it while OpenSearch is down. */
    void rememberVersion(String version);

    Optional<String> recallVersion();
}
