package dev.pulse.reporting;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import java.time.Clock;

/** {@code daily-snapshots}: every account's snapshot of the UTC day before the scheduled time (or of a given day). */
public final class DailySnapshotsHandler extends SnapshotsHandler {
    public DailySnapshotsHandler() {
        this(
                ReportingWiring.fromEnvironment(PulseTopology.DAILY_SNAPSHOTS_FUNCTION)
                        .snapshotJob(),
                Clock.systemUTC());
    }

    DailySnapshotsHandler(SnapshotJob job, Clock clock) {
        super(job, Granularity.DAY, clock);
    }
}
