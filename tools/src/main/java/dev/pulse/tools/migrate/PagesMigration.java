package dev.pulse.tools.migrate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Moves the pages alias to a new index version (a new mapping, or a rebuilt backend) while readers and ingest keep
 * running: build the new version off to the side, copy everything, copy again what changed meanwhile (pages carry
 * {@code updatedTime}), then swap the alias in one atomic request. The old version is kept, so rolling back is one
 * more swap. A page updated in the last instant before the swap is healed by its next upsert (ingest re-sends pages).
 */
public final class PagesMigration {
    /** What a migration did. */
    public record Report(String from, String to, long copied, long caughtUp, Duration took) {}

    private final PagesIndexAdmin admin;
    private final Clock clock;

    public PagesMigration(PagesIndexAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    public Report migrate(String alias, String newIndex, String definitionResource) {
        Set<String> current = admin.indicesOf(alias);
        if (current.size() != 1) {
            throw new IllegalStateException("alias " + alias + " must point at exactly one index, was " + current);
        }
        String from = current.iterator().next();
        if (from.equals(newIndex)) {
            throw new IllegalStateException("alias " + alias + " already points at " + newIndex);
        }
        Instant start = clock.instant();
        admin.create(newIndex, definitionResource);
        admin.refreshInterval(newIndex, "-1");
        long copied = admin.reindex(from, newIndex);
        long caughtUp = admin.reindex(from, newIndex, start.minusSeconds(5));
        admin.refreshInterval(newIndex, "1s");
        admin.refresh(newIndex);
        admin.pointAlias(alias, newIndex);
        return new Report(from, newIndex, copied, caughtUp, Duration.between(start, clock.instant()));
    }
}
