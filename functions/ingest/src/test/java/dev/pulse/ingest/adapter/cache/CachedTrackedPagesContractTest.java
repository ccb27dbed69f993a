package dev.pulse.ingest.adapter.cache;

import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TrackedPagesContract;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The snapshot cache must not change answers: it runs the contract over a store held in memory. */
class CachedTrackedPagesContractTest extends TrackedPagesContract {
    @Override
    protected TrackedPages tracking(Set<String> pageIds) {
        return new CachedTrackedPages(() -> Set.copyOf(pageIds), Duration.ofMinutes(1), Clock.systemUTC());
    }

    @Override
    protected TrackedPages unreadable() {
        return new CachedTrackedPages(
                () -> {
                    throw new IllegalStateException("dynamodb down");
                },
                Duration.ofMinutes(1),
                Clock.systemUTC());
    }
}
