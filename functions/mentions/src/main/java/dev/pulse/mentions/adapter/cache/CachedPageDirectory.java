package dev.pulse.mentions.adapter.cache;

import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageDirectory;
import java.time.Duration;
import java.util.Optional;

/**
 * Decorates a directory with a hot-prefix cache keyed by index version, limit and folded prefix. Misses for the same
 * key collapse into one backend call; a cache that is down only costs hits, never answers.
 */
public final class CachedPageDirectory implements PageDirectory {
    private final PageDirectory backend;
    private final MentionCache cache;
    private final IndexVersions versions;
    private final String namespace;
    private final Duration ttl;
    private final SingleFlight<Matches> flights = new SingleFlight<>();
    private volatile String rememberedVersion;

    public CachedPageDirectory(
            PageDirectory backend, MentionCache cache, IndexVersions versions, String namespace, Duration ttl) {
        this.backend = backend;
        this.cache = cache;
        this.versions = versions;
        this.namespace = namespace;
        this.ttl = ttl;
    }

    @Override
    public Matches find(MentionQuery query) {
        Optional<String> version = version();
        if (version.isEmpty()) {
            return backend.find(query); // no version, no safe key: the index must answer
        }
        String key = key(version.get(), query);
        var cached = cache.get(key);
        if (cached.isPresent()) {
            return new Matches(cached.get(), Matches.Source.CACHE);
        }
        return flights.run(key, () -> {
            Matches found = backend.find(query);
            cache.put(key, found.pages(), ttl);
            return found;
        });
    }

    String key(String version, MentionQuery query) {
        return namespace + ":" + version + ":" + query.limit() + ":"
                + query.prefix().text();
    }

    private Optional<String> version() {
        Optional<String> current = versions.current();
        if (current.isPresent()) {
            if (!current.get().equals(rememberedVersion)) {
                cache.rememberVersion(current.get());
                rememberedVersion = current.get();
            }
            return current;
        }
        return cache.recallVersion();
    }
}
