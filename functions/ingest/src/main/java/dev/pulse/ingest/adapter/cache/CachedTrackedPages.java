package dev.pulse.ingest.adapter.cache;

import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TransientFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, least-recently-used cache of per-page answers (tracked or not) over the store, each fresh for a TTL: only
 * pages never seen or stale are looked up. When the store fails, stale answers keep serving (a page tracked minutes
 * ago beats stopping ingest); only a page with no answer at all makes the batch a transient failure.
 */
public final class CachedTrackedPages implements TrackedPages {
    private static final Logger LOG = LoggerFactory.getLogger(CachedTrackedPages.class);

    private record Answer(boolean tracked, Instant expires) {}

    private final TrackedPages store;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Answer> answers;

    public CachedTrackedPages(TrackedPages store, Duration ttl, int maxPages, Clock clock) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be positive, was " + maxPages);
        }
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
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
        Set<String> tracked = new HashSet<>();
        Set<String> due = new HashSet<>();
        synchronized (answers) {
            for (String id : pageIds) {
                Answer answer = answers.get(id);
                if (answer == null || now.isAfter(answer.expires())) {
                    due.add(id);
                } else if (answer.tracked()) {
                    tracked.add(id);
                }
            }
        }
        if (!due.isEmpty()) {
            // Looked up outside the lock: a slow store must not hold up another thread's cached answers.
            tracked.addAll(lookUp(due, now));
        }
        return tracked;
    }

    private Set<String> lookUp(Set<String> due, Instant now) {
        try {
            Set<String> found = store.trackedAmong(due);
            Instant expires = now.plus(ttl);
            synchronized (answers) {
                for (String id : due) {
                    answers.put(id, new Answer(found.contains(id), expires));
                }
            }
            return found;
        } catch (RuntimeException e) {
            return stale(due, e);
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
