package dev.pulse.mentions.adapter.cache;

import dev.pulse.mentions.application.IndexVersions;
import dev.pulse.mentions.application.MentionCache;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decorates a directory with a hot-prefix cache keyed by index version, limit and folded prefix. Misses for the same
 * key collapse into one backend call: within an instance by single-flight, and across instances (a Lambda instance
 * serves one request at a time) by a short claim in the cache, whose losers wait briefly for the winner's answer. A
 * cache that is down only costs hits, never answers.
 */
public final class CachedPageDirectory implements PageDirectory {
    /** How long a claim lasts if its holder never fills the key (e.g. it died). */
    static final Duration CLAIM_TTL = Duration.ofSeconds(2);
    /** How long a loser waits for the winner's answer before asking the index itself; well above index p99. */
    static final Duration FILL_WAIT = Duration.ofMillis(200);

    private static final long POLL_MS = 10;

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
        String entry =
                version.get() + ":" + query.limit() + ":" + query.prefix().text();
        String key = namespace + ":" + entry;
        var cached = cache.get(key);
        if (cached.isPresent()) {
            return new Matches(cached.get(), Matches.Source.CACHE);
        }
        return flights.run(key, () -> {
            if (!cache.claim(namespace + ":fill:" + entry, CLAIM_TTL)) {
                Optional<List<PageSummary>> filled = awaitFill(key);
                if (filled.isPresent()) {
                    return new Matches(filled.get(), Matches.Source.CACHE);
                }
            }
            Matches found = backend.find(query);
            cache.put(key, found.pages(), ttl);
            return found;
        });
    }

    /** Another instance is asking the index for this key: poll for its answer, up to {@link #FILL_WAIT}. */
    private Optional<List<PageSummary>> awaitFill(String key) {
        for (long waited = 0; waited < FILL_WAIT.toMillis(); waited += POLL_MS) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            Optional<List<PageSummary>> filled = cache.get(key);
            if (filled.isPresent()) {
                return filled;
            }
        }
        return Optional.empty();
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
