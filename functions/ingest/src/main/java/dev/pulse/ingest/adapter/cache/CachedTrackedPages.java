package dev.pulse.ingest.adapter.cache;

import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TrackingChangeFeed;
import dev.pulse.ingest.application.TransientFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, least-recently-used cache of per-page answers (tracked or not) over the store: only pages never seen or
 * past the TTL wait for a lookup.
 *
 * <p><b>Change feed.</b> Every poll interval (a few seconds) the first call reads the tracked set's change log and
 * drops the answers of the pages changed since they were fetched; so a tracking change reaches ingest within a poll
 * interval plus a lookup, and the TTL is only a safety net. While the log cannot be read, answers older than {@link
 * #FALLBACK_TTL} are treated as expired, so the one-minute bound still holds.
 *
 * <p><b>Refresh ahead.</b> An answer is fresh for three quarters of the TTL. In the last quarter it still serves, and
 * the pages asked about in that window are looked up again in the background (one lookup per call, a page refreshed by
 * at most one at a time), so a busy page's answer is renewed before it expires and the batch never waits for it. An
 * answer past the TTL is never served while the store answers: the TTL stays the bound on how long a tracking change
 * takes to reach ingest.
 *
 * <p>When the store fails, stale answers keep serving (a page tracked minutes ago beats stopping ingest); only a page
 * with no answer at all makes the batch a transient failure.
 */
public final class CachedTrackedPages implements TrackedPages {
    private static final Logger LOG = LoggerFactory.getLogger(CachedTrackedPages.class);

    /** The bound on an answer's age while the change log cannot be read. */
    public static final Duration FALLBACK_TTL = Duration.ofSeconds(45);

    private record Answer(boolean tracked, Instant fetched, Instant refreshFrom, Instant expires) {}

    private final TrackedPages store;
    private final Duration ttl;
    private final Duration freshFor;
    private final Clock clock;
    private final Executor refresher;
    private final Map<String, Answer> answers;
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final TrackingChangeFeed feed;
    private final Duration pollEvery;
    private final Object polling = new Object();
    private volatile Instant nextPoll = Instant.MIN;
    private volatile Instant lastGoodPoll;

    /** Answers for {@code ttl} alone, with no change feed. */
    public CachedTrackedPages(TrackedPages store, Duration ttl, int maxPages, Clock clock) {
        this(store, TrackingChangeFeed.NONE, Duration.ofDays(1), ttl, maxPages, clock);
    }

    /** Answers for {@code ttl} at most, dropped sooner when {@code feed}, read every {@code pollEvery}, names them. */
    public CachedTrackedPages(
            TrackedPages store, TrackingChangeFeed feed, Duration pollEvery, Duration ttl, int maxPages, Clock clock) {
        this(store, feed, pollEvery, ttl, maxPages, clock, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** With the executor that runs background refreshes (a test passes one that runs them when it says). */
    CachedTrackedPages(
            TrackedPages store,
            TrackingChangeFeed feed,
            Duration pollEvery,
            Duration ttl,
            int maxPages,
            Clock clock,
            Executor refresher) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be positive, was " + maxPages);
        }
        this.store = store;
        this.ttl = ttl;
        this.freshFor = ttl.multipliedBy(3).dividedBy(4);
        this.clock = clock;
        this.refresher = refresher;
        this.feed = feed;
        this.pollEvery = pollEvery;
        this.lastGoodPoll = clock.instant();
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > maxPages;
            }
        };
    }

    @Override
    public Set<String> trackedAmong(Set<String> pageIds) {
        Instant now = clock.instant();
        poll(now);
        // While the change log cannot be read, nothing older than the fallback serves.
        Instant oldestServed = feed == TrackingChangeFeed.NONE
                        || lastGoodPoll.plus(FALLBACK_TTL).isAfter(now)
                ? Instant.MIN
                : now.minus(FALLBACK_TTL);
        Set<String> tracked = new HashSet<>();
        Set<String> due = new HashSet<>();
        Set<String> ahead = new HashSet<>();
        synchronized (answers) {
            for (String id : pageIds) {
                Answer answer = answers.get(id);
                if (answer == null
                        || now.isAfter(answer.expires())
                        || answer.fetched().isBefore(oldestServed)) {
                    due.add(id);
                    continue;
                }
                if (answer.tracked()) {
                    tracked.add(id);
                }
                if (now.isAfter(answer.refreshFrom()) && refreshing.add(id)) {
                    ahead.add(id);
                }
            }
        }
        if (!ahead.isEmpty()) {
            refreshAhead(ahead);
        }
        if (!due.isEmpty()) {
            // Looked up outside the lock: a slow store must not hold up another thread's cached answers.
            tracked.addAll(lookUp(due, now));
        }
        return tracked;
    }

    /** At most once per interval, by one caller: drops the answers the change log says may predate a change. */
    private void poll(Instant now) {
        if (feed == TrackingChangeFeed.NONE || now.isBefore(nextPoll)) {
            return;
        }
        synchronized (polling) {
            if (now.isBefore(nextPoll)) {
                return;
            }
            nextPoll = now.plus(pollEvery);
        }
        Map<String, Instant> changed;
        try {
            changed = feed.recent(now);
        } catch (RuntimeException e) {
            LOG.warn("tracked pages change log unreadable: {}", e.toString());
            return;
        }
        lastGoodPoll = now;
        if (changed.isEmpty()) {
            return;
        }
        synchronized (answers) {
            changed.forEach((page, after) -> {
                Answer answer = answers.get(page);
                if (answer != null && answer.fetched().isBefore(after)) {
                    answers.remove(page);
                }
            });
        }
    }

    private void refreshAhead(Set<String> ids) {
        try {
            refresher.execute(() -> {
                try {
                    Instant now = clock.instant();
                    remember(ids, store.trackedAmong(ids), now);
                } catch (RuntimeException e) {
                    // The answers keep serving until they expire; then the batch asks the store itself.
                    LOG.debug("tracked pages refresh-ahead failed for {} pages: {}", ids.size(), e.toString());
                } finally {
                    refreshing.removeAll(ids);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.removeAll(ids);
        }
    }

    private Set<String> lookUp(Set<String> due, Instant now) {
        try {
            Set<String> found = store.trackedAmong(due);
            remember(due, found, now);
            return found;
        } catch (RuntimeException e) {
            return stale(due, e);
        }
    }

    private void remember(Set<String> asked, Set<String> found, Instant now) {
        Answer tracked = new Answer(true, now, now.plus(freshFor), now.plus(ttl));
        Answer untracked = new Answer(false, now, tracked.refreshFrom(), tracked.expires());
        synchronized (answers) {
            for (String id : asked) {
                answers.put(id, found.contains(id) ? tracked : untracked);
            }
        }
    }

    private Set<String> stale(Set<String> due, RuntimeException failure) {
        Set<String> tracked = new HashSet<>();
        synchronized (answers) {
            for (String id : due) {
                Answer answer = answers.get(id);
                if (answer == null) {
                    throw new TransientFailureException("tracked pages cannot be read", failure);
                }
                if (answer.tracked()) {
                    tracked.add(id);
                }
            }
        }
        LOG.warn("tracked pages lookup failed, serving {} stale answers: {}", due.size(), failure.toString());
        return tracked;
    }
}
