package dev.pulse.accounts.application;

import java.time.Duration;
import java.util.Optional;

/**
 * A best-effort cache of reads, as hashes: one key per account or user, one field per read. It never fails a request:
 * when the cache is down a read misses and a write or an eviction does nothing.
 */
public interface ReadCache {
    Optional<String> get(String key, String field);

    void put(String key, String field, String value, Duration ttl);

    /** Drops every read cached under {@code key}; called after the write that changed them has committed. */
    void evict(String key);
}
