package dev.pulse.local.bootstrap;

import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates the topology's resources on the local servers: streams, tables, queues, index templates, versioned
 * indices and their aliases. Every step is idempotent, so it runs on each start and in tests.
 */
public final class LocalResources {
    private final StreamResources streams;
    private final TableResources tables;
    private final QueueResources queues;
    private final SearchResources search;

    public LocalResources(
            StreamResources streams, TableResources tables, QueueResources queues, SearchResources search) {
        this.streams = streams;
        this.tables = tables;
        this.queues = queues;
        this.search = search;
    }

    /** Creates what is missing and returns one line per resource saying whether it was created or already there. */
    public List<String> ensure(Topology topology, Consumer<String> progress) {
        List<String> report = new ArrayList<>();
        Consumer<String> out = line -> {
            report.add(line);
            progress.accept(line);
        };
        topology.streams().forEach(s -> out.accept(streams.ensure(s)));
        topology.tables().forEach(t -> out.accept(tables.ensure(t)));
        if (queues != null) {
            topology.queues().forEach(q -> out.accept(queues.ensure(q)));
        }
        search.ensure(topology).forEach(out);
        return report;
    }
}
