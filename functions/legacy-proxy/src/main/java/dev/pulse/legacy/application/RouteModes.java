package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The routes table: each legacy route's mode (legacy when it has none), and the audit of every change. */
public interface RouteModes {
    /** The route's stored mode; {@link Mode#LEGACY} when the table has no item for it. */
    Mode mode(String route);

    /** Every stored mode, by route. */
    Map<String, Mode> all();

    /**
     * Sets {@code to} only if the route is still at {@code from} (a conditional write), and records the change.
     * Returns false when another writer changed it first.
     */
    boolean change(String route, Mode from, Mode to, String who, String reason, Instant at);

    /** The route's changes, newest first, at most {@code limit}. */
    List<ModeChange> changes(String route, int limit);

    /** One audited change. */
    record ModeChange(String route, Instant at, Mode from, Mode to, String who, String reason) {}
}
