package dev.pulse.ingest.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TrackingChangeFeed;
import dev.pulse.ingest.application.TransientFailureException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CachedTrackedPagesTest {
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T06:00:00Z"));
    private final Set<String> table = new HashSet<>(Set.of("1", "2"));
    /** Every set of ids the store was asked about, in order. */
    private final List<Set<String>> lookups = new ArrayList<>();

    private boolean down;
    private final TrackedPages store = asked -> {
        lookups.add(Set.copyOf(asked));
        if (down) {
            throw new IllegalStateException("dynamodb down");
        }
        Set<String> found = new HashSet<>(asked);
        found.retainAll(table);
        return found;
    };
    /** Background refreshes, run when the test says so. */
    private final List<Runnable> refreshes = new ArrayList<>();

    private final CachedTrackedPages cache = new CachedTrackedPages(
            store, TrackingChangeFeed.NONE, Duration.ZERO, Duration.ofSeconds(30), 3, clock, refreshes::add);

    @Test
    void givenFreshAnswers_whenAskedAgain_thenTheStoreIsAskedOnlyAboutNewPages() {
        assertThat(cache.trackedAmong(Set.of("1", "3"))).containsExactly("1");
        table.add("3");
        assertThat(cache.trackedAmong(Set.of("1", "2", "3"))).containsExactlyInAnyOrder("1", "2");

        assertThat(lookups).containsExactly(Set.of("1", "3"), Set.of("2"));
    }

    @Test
    void givenTtlPassed_whenAPageWasNewlyTracked_thenItIsTracked() {
        cache.trackedAmong(Set.of("3"));
        table.add("3");
        clock.advance(Duration.ofSeconds(31));

        assertThat(cache.trackedAmong(Set.of("3"))).containsExactly("3");
    }

    @Test
    void givenTtlPassed_whenAPageWasUntrackedByEveryone_thenItIsNoLongerTracked() {
        assertThat(cache.trackedAmong(Set.of("1"))).containsExactly("1");
        table.remove("1");
        clock.advance(Duration.ofSeconds(31));

        assertThat(cache.trackedAmong(Set.of("1"))).isEmpty();
    }

    @Test
    void givenAnAnswerInTheLastQuarterOfItsTtl_thenItServes_whileOneBackgroundLookupRenewsIt() {
        assertThat(cache.trackedAmong(Set.of("1", "3"))).containsExactly("1");
        table.remove("1");
        clock.advance(Duration.ofSeconds(20)); // fresh: three quarters of 30 s is 22.5 s
        assertThat(cache.trackedAmong(Set.of("1", "3"))).containsExactly("1");
        assertThat(refreshes).isEmpty();

        clock.advance(Duration.ofSeconds(5)); // 25 s: in the refresh window
        assertThat(cache.trackedAmong(Set.of("1", "3"))).containsExactly("1");
        assertThat(cache.trackedAmong(Set.of("1"))).containsExactly("1");
        assertThat(refreshes)
                .as("one refresh for pages already being refreshed")
                .hasSize(1);
        assertThat(lookups).containsExactly(Set.of("1", "3"));

        refreshes.removeFirst().run();
        assertThat(lookups).containsExactly(Set.of("1", "3"), Set.of("1", "3"));
        clock.advance(Duration.ofSeconds(10)); // 35 s: the first answers would have expired, the renewed ones serve
        assertThat(cache.trackedAmong(Set.of("1", "3"))).isEmpty();
        assertThat(lookups).hasSize(2);
    }

    @Test
    void givenTheBackgroundLookupHasNotRun_whenTheTtlPasses_thenTheBatchAsksTheStoreItself() {
        cache.trackedAmong(Set.of("1"));
        table.remove("1");
        clock.advance(Duration.ofSeconds(25));
        cache.trackedAmong(Set.of("1"));
        clock.advance(Duration.ofSeconds(6));

        assertThat(cache.trackedAmong(Set.of("1"))).isEmpty();
        assertThat(lookups).containsExactly(Set.of("1"), Set.of("1"));
    }

    @Test
    void givenStoreDownAfterALoad_whenRefreshDue_thenTheStaleAnswersServe() {
        cache.trackedAmong(Set.of("1", "3"));
        down = true;
        clock.advance(Duration.ofSeconds(31));

        assertThat(cache.trackedAmong(Set.of("1", "3"))).containsExactly("1");
    }

    @Test
    void givenStoreDown_whenAPageWasNeverSeen_thenTransientFailure() {
        cache.trackedAmong(Set.of("1"));
        down = true;

        assertThatThrownBy(() -> cache.trackedAmong(Set.of("1", "2"))).isInstanceOf(TransientFailureException.class);
    }

    @Test
    void givenStoreDownAndNothingCached_whenAsked_thenTransientFailure() {
        down = true;

        assertThatThrownBy(() -> cache.trackedAmong(Set.of("1"))).isInstanceOf(TransientFailureException.class);
    }

    @Test
    void givenMorePagesThanTheBound_whenAskedAgain_thenTheLeastRecentlyUsedIsLookedUpAgain() {
        cache.trackedAmong(Set.of("1"));
        cache.trackedAmong(Set.of("2"));
        cache.trackedAmong(Set.of("3"));
        cache.trackedAmong(Set.of("1"));
        cache.trackedAmong(Set.of("4"));
        lookups.clear();

        cache.trackedAmong(Set.of("1", "2", "3", "4"));

        assertThat(lookups).containsExactly(Set.of("2"));
    }
}
