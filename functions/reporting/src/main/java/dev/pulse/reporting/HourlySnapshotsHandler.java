package dev.pulse.reporting;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.application.ShardQueue;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import java.time.Clock;
import java.util.Optional;

/** {@code hourly-snapshots}: every account's snapshot of the hour before the scheduled time (or of a given hour). */
public final class HourlySnapshotsHandler extends SnapshotsHandler {
    public HourlySnapshotsHandler() {
        this(ReportingWiring.fromEnvironment(PulseTopology.HOURLY_SNAPSHOTS_FUNCTION));
    }

    private HourlySnapshotsHandler(ReportingWiring wiring) {
        this(wiring.snapshotJob(), wiring.shardQueue(), wiring.config().shardPages(), Clock.systemUTC());
    }

    HourlySnapshotsHandler(SnapshotJob job, Optional<ShardQueue> shards, int shardPages, Clock clock) {
        super(job, shards, shardPages, Granularity.HOUR, clock);
    }
}
