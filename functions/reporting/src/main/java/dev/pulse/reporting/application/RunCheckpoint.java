package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.util.Set;

/** Which accounts a run of one window has finished, so a crashed or stopped run resumes instead of restarting. */
public interface RunCheckpoint {
    Set<String> done(Window window);

    void markDone(Window window, String accountId);

    /** Forgets the window's progress, for an on-demand rerun that rebuilds every snapshot. */
    void reset(Window window);

    /**
     * Records that {@code shard} is finished; true only for the call that finished its fan-out's last shard, so a
     * redelivered shard, or one finished again, never completes the run twice.
     */
    boolean shardDone(Shard shard);
}
