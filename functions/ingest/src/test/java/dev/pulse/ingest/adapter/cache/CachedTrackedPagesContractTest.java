package dev.pulse.ingest.adapter.cache;

import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TrackedPagesContract;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** The per-page cache must not change answers: it runs the contract over a store held in memory. */
class CachedTrackedPagesContractTest extends TrackedPagesContract {
    @Override
    protected TrackedPages tracking(Set<String> pageIds) {
        return cached(asked -> {
            Set<String> found = new HashSet<>(asked);
            found.retainAll(pageIds);
            return found;
        });
    }

    @Override
    protected TrackedPages untrackedByEveryone(Set<String> tracked, Set<String> untracked) {
        return tracking(tracked);
    }

    @Override
    protected TrackedPages unreadable() {
        return cached(asked -> {
            throw new IllegalStateException("dynamodb down");
        });
    }

    private static TrackedPages cached(TrackedPages store) {
        return new CachedTrackedPages(store, Duration.ofMinutes(1), 1_000, Clock.systemUTC());
    }
}
