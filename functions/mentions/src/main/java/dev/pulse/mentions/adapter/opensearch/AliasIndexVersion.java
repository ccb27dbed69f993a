package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.mentions.application.IndexVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The concrete index behind the alias, which is the cache's version: an alias swap changes it, retiring every cached
 * answer at once. Looked up at most once per {@code ttl} per instance; while OpenSearch is unreachable the last known
 * answer stands, so cached prefixes keep being served. Refreshes happen in the background, off the request path; a
 * cold instance that cannot reach OpenSearch asks again only after another {@code ttl}.
 */
public final class AliasIndexVersion implements IndexVersions {
    private final OpenSearchClient client;
    private final String alias;
    private final Duration ttl;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing =
            new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Known known;
    private volatile Instant unknownUntil = Instant.MIN;

    public AliasIndexVersion(OpenSearchClient client, String alias, Duration ttl, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<String> current() {
        Known snapshot = known;
        if (snapshot == null) {
            if (clock.instant().isBefore(unknownUntil)) {
                // Cold, and the last look-up failed: do not make every request wait on an OpenSearch that is down.
                return Optional.empty();
            }
            String index = lookUp(); // cold: the first request waits for the answer
            if (index == null) {
                unknownUntil = clock.instant().plus(ttl);
            }
            return Optional.ofNullable(index);
        }
        if (!clock.instant().isBefore(snapshot.checkedAt.plus(ttl)) && refreshing.compareAndSet(false, true)) {
            // Stale: answer from memory now and refresh off the request path, so neither a cache hit nor an
            // OpenSearch outage ever waits on this lookup.
            Thread.ofVirtual().start(() -> {
                try {
                    lookUp();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return Optional.of(snapshot.index);
    }

    /** Asks OpenSearch; on failure keeps the last answer (retried after another ttl) and returns it, or null. */
    private String lookUp() {
        Instant now = clock.instant();
        try {
            var response = client.indices().getAlias(g -> g.name(alias));
            String index = String.join(",", new TreeSet<>(response.result().keySet()));
            if (!index.isEmpty()) {
                known = new Known(index, now);
                return index;
            }
        } catch (Exception e) {
            // Unreachable or alias missing: fall through to the last known answer.
        }
        Known snapshot = known;
        if (snapshot != null) {
            known = new Known(snapshot.index, now);
            return snapshot.index;
        }
        return null;
    }

    private record Known(String index, Instant checkedAt) {}
}
