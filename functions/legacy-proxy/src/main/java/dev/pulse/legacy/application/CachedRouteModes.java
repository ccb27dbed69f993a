package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modes, each reused for at most {@code ttl} (never more than 5 s), so a change is seen within that bound without
 * a read per request. A failed read keeps serving the last mode known (legacy when none was), since the routes table
 * being down must not take legacy traffic down with it.
 */
public final class CachedRouteModes implements RouteModes {
    public static final Duration MAX_TTL = Duration.ofSeconds(5);

    private final RouteModes store;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CachedRouteModes(RouteModes store, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("a mode is cached for 0-5 s, not " + ttl);
        }
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    private record Cached(Mode mode, Instant until) {}

    @Override
    public Mode mode(String route) {
        Instant now = clock.instant();
        Cached cached = cache.get(route);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.mode();
        }
        Mode mode;
        try {
            mode = store.mode(route);
        } catch (RuntimeException e) {
            mode = cached == null ? Mode.LEGACY : cached.mode();
        }
        cache.put(route, new Cached(mode, now.plus(ttl)));
        return mode;
    }

    @Override
    public Map<String, Mode> all() {
        return store.all();
    }

    @Override
    public boolean change(String route, Mode from, Mode to, String who, String reason, Instant at) {
        boolean changed = store.change(route, from, to, who, reason, at);
        cache.remove(route);
        return changed;
    }

    @Override
    public List<ModeChange> changes(String route, int limit) {
        return store.changes(route, limit);
    }
}
