package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.util.Collection;
import java.util.Set;

/** Which accounts a run of one window has finished, so a crashed or stopped run resumes instead of restarting. */
public interface RunCheckpoint {
    Set<String> done(Window window);

    /**
     * Records that {@code accountIds} are finished (their snapshots written). A crash may leave some of them recorded
     * and others not; those are rewritten by the rerun, which writes the same snapshots.
     */
    void markDone(Window window, Collection<String> accountIds);

    /** Forgets the window's progress, for an on-demand rerun that rebuilds every snapshot. */
    void reset(Window window);

    /**
     * Records that {@code shard} is finished; true only for the call that finished its fan-out's last shard, so a
     * redelivered shard, or one finished again, never completes the run twice.
     */
    boolean shardDone(Shard shard);
}
