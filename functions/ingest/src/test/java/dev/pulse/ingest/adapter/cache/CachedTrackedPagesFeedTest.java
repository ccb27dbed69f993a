package dev.pulse.ingest.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TrackingChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cache with a change feed: answers live for minutes, and a change named by the feed drops them at once. */
class CachedTrackedPagesFeedTest {
    private static final Duration POLL = Duration.ofSeconds(5);

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T06:00:00Z"));
    private final Set<String> table = new HashSet<>(Set.of("1"));
    private final List<Set<String>> lookups = new ArrayList<>();
    private final Map<String, Instant> changes = new HashMap<>();
    private int polls;
    private boolean feedDown;

    private final TrackedPages store = asked -> {
        lookups.add(Set.copyOf(asked));
        Set<String> found = new HashSet<>(asked);
        found.retainAll(table);
        return found;
    };
    private final TrackingChangeFeed feed = now -> {
        polls++;
        if (feedDown) {
            throw new IllegalStateException("change log unreadable");
        }
        return Map.copyOf(changes);
    };
    private final CachedTrackedPages cache =
            new CachedTrackedPages(store, feed, POLL, Duration.ofMinutes(10), 100, clock, Runnable::run);

    @Test
    void givenAPageTrackedAfterItsAnswer_whenTheFeedNamesIt_thenTheNextPollDropsTheAnswer() {
        assertThat(cache.trackedAmong(Set.of("2"))).isEmpty();
        table.add("2");
        changes.put("2", clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(6));
        assertThat(cache.trackedAmong(Set.of("2"))).containsExactly("2");
    }

    @Test
    void givenAChangeOlderThanTheAnswer_thenTheAnswerStays() {
        changes.put("1", clock.instant().minusSeconds(1));
        cache.trackedAmong(Set.of("1"));

        clock.advance(Duration.ofSeconds(6));
        cache.trackedAmong(Set.of("1"));

        assertThat(lookups).containsExactly(Set.of("1"));
    }

    @Test
    void givenNoChanges_thenAnswersServeForMinutes_andTheFeedIsReadOncePerInterval() {
        cache.trackedAmong(Set.of("1", "2"));
        for (int second = 0; second < 120; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(cache.trackedAmong(Set.of("1", "2"))).containsExactly("1");
        }

        assertThat(lookups).containsExactly(Set.of("1", "2"));
        assertThat(polls).isBetween(24, 25);
    }

    @Test
    void givenTheFeedUnreadable_thenAnswersOlderThanTheFallbackAreLookedUpAgain() {
        cache.trackedAmong(Set.of("1"));
        feedDown = true;
        table.remove("1");

        clock.advance(Duration.ofSeconds(40));
        assertThat(cache.trackedAmong(Set.of("1"))).as("within the fallback").containsExactly("1");
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.trackedAmong(Set.of("1"))).as("past the fallback").isEmpty();
    }
}
