package dev.pulse.tools.firehose;

import dev.pulse.ingest.domain.kpl.UserRecord;

/** The simulator as a feed that never ends. */
public final class SimulatedSource implements PostSource {
    private final Simulator simulator;

    public SimulatedSource(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public UserRecord next() {
        SimRecord record = simulator.next();
        return new UserRecord(record.partitionKey(), record.payload());
    }
}
