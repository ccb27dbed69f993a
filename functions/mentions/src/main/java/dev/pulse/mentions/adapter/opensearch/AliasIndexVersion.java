package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.mentions.adapter.cache.IndexVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The concrete index behind the alias, which is the cache's version: an alias swap changes it, retiring every cached
 * answer at once. Looked up at most once per {@code ttl} per instance; while OpenSearch is unreachable the last known
 * answer stands, so cached prefixes keep being served.
 */
public final class AliasIndexVersion implements IndexVersions {
    private final OpenSearchClient client;
    private final String alias;
    private final Duration ttl;
    private final Clock clock;
    private volatile Known known;

    public AliasIndexVersion(OpenSearchClient client, String alias, Duration ttl, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<String> current() {
        Known snapshot = known;
        Instant now = clock.instant();
        if (snapshot != null && now.isBefore(snapshot.checkedAt.plus(ttl))) {
            return Optional.of(snapshot.index);
        }
        try {
            var response = client.indices().getAlias(g -> g.name(alias));
            String index = String.join(",", new TreeSet<>(response.result().keySet()));
            if (index.isEmpty()) {
                return Optional.ofNullable(snapshot).map(Known::index);
            }
            known = new Known(index, now);
            return Optional.of(index);
        } catch (Exception e) {
            // Unreachable or alias missing: keep the last answer (and retry only after another ttl).
            if (snapshot != null) {
                known = new Known(snapshot.index, now);
                return Optional.of(snapshot.index);
            }
            return Optional.empty();
        }
    }

    private record Known(String index, Instant checkedAt) {}
}
