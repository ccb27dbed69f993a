package dev.pulse.accounts.application;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** A {@link ReadCache} in memory, fenced like Redis's, that can be switched off to play Redis being down. */
public final class InMemoryReadCache implements ReadCache {
    private final Map<String, Map<String, String>> hashes = new ConcurrentHashMap<>();
    private final Map<String, Long> fences = new ConcurrentHashMap<>();
    private volatile boolean down;

    public void down(boolean value) {
        down = value;
    }

    @Override
    public Optional<String> read(String key, String field, Duration ttl, Supplier<Optional<String>> load) {
        if (down) {
            return load.get();
        }
        String cached = hashes.getOrDefault(key, Map.of()).get(field);
        if (cached != null) {
            return Optional.of(cached);
        }
        long fence = fences.getOrDefault(key, 0L);
        Optional<String> loaded = load.get();
        loaded.ifPresent(value -> {
            synchronized (this) {
                if (!down && fences.getOrDefault(key, 0L) == fence) {
                    hashes.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(field, value);
                }
            }
        });
        return loaded;
    }

    @Override
    public synchronized void evict(String key) {
        if (!down) {
            hashes.remove(key);
            fences.merge(key, 1L, Long::sum);
        }
    }
}
