package dev.pulse.reporting;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.application.ShardQueue;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import java.time.Clock;
import java.util.Optional;

/** {@code daily-snapshots}: every account's snapshot of the UTC day before the scheduled time (or of a given day). */
public final class DailySnapshotsHandler extends SnapshotsHandler {
    public DailySnapshotsHandler() {
        this(ReportingWiring.fromEnvironment(PulseTopology.DAILY_SNAPSHOTS_FUNCTION));
    }

    private DailySnapshotsHandler(ReportingWiring wiring) {
        this(wiring.snapshotJob(), wiring.shardQueue(), wiring.config().shardPages(), Clock.systemUTC());
    }

    DailySnapshotsHandler(SnapshotJob job, Optional<ShardQueue> shards, int shardPages, Clock clock) {
        super(job, shards, shardPages, Granularity.DAY, clock);
    }
}
