package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The routes table in memory, with the same conditional change and audit as the DynamoDB adapter. */
final class InMemoryRouteModes implements RouteModes {
    private final Map<String, Mode> modes = new TreeMap<>();
    private final List<ModeChange> audit = new ArrayList<>();

    @Override
    public synchronized Mode mode(String route) {
        return modes.getOrDefault(route, Mode.LEGACY);
    }

    @Override
    public synchronized Map<String, Mode> all() {
        return Map.copyOf(modes);
    }

    @Override
    public synchronized boolean change(String route, Mode from, Mode to, String who, String reason, Instant at) {
        if (!mode(route).equals(from)) {
            return false;
        }
        modes.put(route, to);
        audit.addFirst(new ModeChange(route, at, from, to, who, reason));
        return true;
    }

    @Override
    public synchronized List<ModeChange> changes(String route, int limit) {
        return audit.stream().filter(c -> c.route().equals(route)).limit(limit).toList();
    }
}
