package dev.pulse.ingest.adapter.cache;

import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TransientFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a snapshot of the tracked pages for a TTL. When a refresh fails the previous snapshot keeps serving (a page
 * tracked minutes ago beats stopping ingest); only a cold cache with the store down is a transient failure.
 */
public final class CachedTrackedPages implements TrackedPages {
    private static final Logger LOG = LoggerFactory.getLogger(CachedTrackedPages.class);

    private final Supplier<Set<String>> store;
    private final Duration ttl;
    private final Clock clock;
    private Set<String> snapshot;
    private Instant expires = Instant.MIN;

    public CachedTrackedPages(Supplier<Set<String>> store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized Set<String> trackedAmong(Set<String> pageIds) {
        Instant now = clock.instant();
        if (snapshot == null || now.isAfter(expires)) {
            refresh(now);
        }
        Set<String> tracked = new HashSet<>();
        for (String id : pageIds) {
            if (snapshot.contains(id)) {
                tracked.add(id);
            }
        }
        return tracked;
    }

    private void refresh(Instant now) {
        try {
            snapshot = Set.copyOf(store.get());
            expires = now.plus(ttl);
        } catch (RuntimeException e) {
            if (snapshot == null) {
                throw new TransientFailureException("tracked pages cannot be read", e);
            }
            LOG.warn("tracked pages refresh failed, serving the previous snapshot: {}", e.toString());
            expires = now.plus(ttl.dividedBy(10));
        }
    }
}
