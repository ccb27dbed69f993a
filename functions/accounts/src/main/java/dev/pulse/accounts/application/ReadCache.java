package dev.pulse.accounts.application;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A best-effort cache of reads, as hashes: one key per account or user, one field per read. It never fails a request:
 * when the cache is down a read goes to the store and an eviction does nothing.
 *
 * <p>Fills are fenced: a read that missed remembers the key's eviction count before it loads, and its result is cached
 * only if no eviction of the key came in between. So a read that raced a write never puts the older version back
 * after the write's eviction, and a read after a successful write never returns the older version.
 */
public interface ReadCache {
    /** No cache: every read loads. */
    ReadCache NONE = new ReadCache() {
        @Override
        public Optional<String> read(String key, String field, Duration ttl, Supplier<Optional<String>> load) {
            return load.get();
        }

        @Override
        public void evict(String key) {}
    };

    /**
     * The cached field, or else {@code load}'s answer, cached for {@code ttl} unless the key was evicted while it
     * loaded. An empty answer is not cached.
     */
    Optional<String> read(String key, String field, Duration ttl, Supplier<Optional<String>> load);

    /** Drops every read cached under {@code key} and fences out fills in flight; called after the write commits. */
    void evict(String key);
}
