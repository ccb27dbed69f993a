package dev.pulse.ingest.application;

import java.util.List;

class InMemoryQuarantineTest extends QuarantineContract {
    private final InMemoryAdapters.Dlq dlq = new InMemoryAdapters.Dlq();

    @Override
    protected Quarantine quarantine() {
        return dlq;
    }

    @Override
    protected List<QuarantineEntry> delivered() {
        return List.copyOf(dlq.entries);
    }

    @Override
    protected Quarantine unreachable() {
        InMemoryAdapters.Dlq down = new InMemoryAdapters.Dlq();
        down.down = true;
        return down;
    }
}
