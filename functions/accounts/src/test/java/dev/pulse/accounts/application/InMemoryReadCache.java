package dev.pulse.accounts.application;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ReadCache} in memory that can be switched off, to play Redis being down. */
public final class InMemoryReadCache implements ReadCache {
    private final Map<String, Map<String, String>> hashes = new ConcurrentHashMap<>();
    private volatile boolean down;

    public void down(boolean value) {
        down = value;
    }

    @Override
    public Optional<String> get(String key, String field) {
        return down
                ? Optional.empty()
                : Optional.ofNullable(hashes.getOrDefault(key, Map.of()).get(field));
    }

    @Override
    public void put(String key, String field, String value, Duration ttl) {
        if (!down) {
            hashes.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(field, value);
        }
    }

    @Override
    public void evict(String key) {
        if (!down) {
            hashes.remove(key);
        }
    }
}
