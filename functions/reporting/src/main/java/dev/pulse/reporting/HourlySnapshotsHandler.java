package dev.pulse.reporting;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import java.time.Clock;

/** {@code hourly-snapshots}: every account's snapshot of the hour before the scheduled time (or of a given hour). */
public final class HourlySnapshotsHandler extends SnapshotsHandler {
    public HourlySnapshotsHandler() {
        this(
                ReportingWiring.fromEnvironment(PulseTopology.HOURLY_SNAPSHOTS_FUNCTION)
                        .snapshotJob(),
                Clock.systemUTC());
    }

    HourlySnapshotsHandler(SnapshotJob job, Clock clock) {
        super(job, Granularity.HOUR, clock);
    }
}
