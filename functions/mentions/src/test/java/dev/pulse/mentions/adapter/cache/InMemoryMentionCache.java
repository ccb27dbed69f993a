package dev.pulse.mentions.adapter.cache;

import dev.pulse.mentions.domain.PageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A cache fake that can be switched off, to play a Redis outage in unit tests. */
final class InMemoryMentionCache implements MentionCache {
    final Map<String, List<PageSummary>> entries = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    final Set<String> claims = ConcurrentHashMap.newKeySet();
    volatile boolean down;
    volatile String version;

    @Override
    public Optional<List<PageSummary>> get(String key) {
        return down ? Optional.empty() : Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, List<PageSummary> pages, Duration ttl) {
        if (!down) {
            entries.put(key, pages);
            ttls.put(key, ttl);
        }
    }

    @Override
    public boolean claim(String key, Duration ttl) {
        return down || claims.add(key);
    }

    @Override
    public void rememberVersion(String version) {
        if (!down) {
            this.version = version;
        }
    }

    @Override
    public Optional<String> recallVersion() {
        return down ? Optional.empty() : Optional.ofNullable(version);
    }
}
