package dev.pulse.ingest.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.ingest.application.TransientFailureException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachedTrackedPagesTest {
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T06:00:00Z"));
    private final Set<String> table = new HashSet<>(Set.of("1", "2"));
    private final AtomicInteger loads = new AtomicInteger();
    private boolean down;
    private final Supplier<Set<String>> store = () -> {
        loads.incrementAndGet();
        if (down) {
            throw new IllegalStateException("dynamodb down");
        }
        return Set.copyOf(table);
    };
    private final CachedTrackedPages cache = new CachedTrackedPages(store, Duration.ofSeconds(60), clock);

    @Test
    void givenFreshSnapshot_whenAskedTwice_thenTheStoreIsReadOnce() {
        assertThat(cache.trackedAmong(Set.of("1", "3"))).containsExactly("1");
        table.add("3");
        assertThat(cache.trackedAmong(Set.of("1", "3"))).containsExactly("1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void givenTtlPassed_whenAsked_thenTheSnapshotIsRefreshed() {
        cache.trackedAmong(Set.of("3"));
        table.add("3");
        clock.advance(Duration.ofSeconds(61));

        assertThat(cache.trackedAmong(Set.of("3"))).containsExactly("3");
    }

    @Test
    void givenStoreDownAfterALoad_whenRefreshDue_thenTheOldSnapshotServes() {
        cache.trackedAmong(Set.of("1"));
        down = true;
        clock.advance(Duration.ofSeconds(61));

        assertThat(cache.trackedAmong(Set.of("1", "2"))).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void givenStoreDownAndNoSnapshot_whenAsked_thenTransientFailure() {
        down = true;

        assertThatThrownBy(() -> cache.trackedAmong(Set.of("1"))).isInstanceOf(TransientFailureException.class);
    }
}
