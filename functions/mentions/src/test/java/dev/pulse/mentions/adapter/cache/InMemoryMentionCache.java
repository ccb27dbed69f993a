package dev.pulse.mentions.adapter.cache;

import dev.pulse.mentions.application.MentionCache;
import dev.pulse.mentions.domain.PageSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cache fake that can be switched off, to play a Redis outage in unit tests. Like Redis, entries and claims share one
 * key space and expire after their TTL on the given clock.
 */
final class InMemoryMentionCache implements MentionCache {
    final Map<String, List<PageSummary>> entries = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    final Set<String> claims = ConcurrentHashMap.newKeySet();
    volatile boolean down;
    volatile String version;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemoryMentionCache() {
        this(Clock.systemUTC());
    }

    InMemoryMentionCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<List<PageSummary>> get(String key) {
        expireIfDue(key);
        return down ? Optional.empty() : Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void put(String key, List<PageSummary> pages, Duration ttl) {
        if (!down) {
            claims.remove(key);
            entries.put(key, List.copyOf(pages));
            ttls.put(key, ttl);
            expiries.put(key, clock.instant().plus(ttl));
        }
    }

    @Override
    public synchronized boolean claim(String key, Duration ttl) {
        if (down) {
            return true;
        }
        expireIfDue(key);
        if (entries.containsKey(key) || !claims.add(key)) {
            return false;
        }
        expiries.put(key, clock.instant().plus(ttl));
        return true;
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

    private void expireIfDue(String key) {
        Instant expiry = expiries.get(key);
        if (expiry != null && !clock.instant().isBefore(expiry)) {
            expiries.remove(key);
            entries.remove(key);
            claims.remove(key);
        }
    }
}
