package dev.pulse.core.topology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one description of Pulse's system: what exists and what is wired to what. The CDK app and the local runtime
 * both read it, so the deployed and the local platform cannot drift apart.
 */
public record Topology(
        List<StreamSpec> streams,
        List<TableSpec> tables,
        List<QueueSpec> queues,
        List<AliasSpec> aliases,
        List<IndexTemplateSpec> indexTemplates,
        List<FunctionSpec> functions,
        List<RouteSpec> routes,
        List<ScheduleSpec> schedules,
        List<StreamMappingSpec> streamMappings,
        List<QueueMappingSpec> queueMappings) {

    /** A topology without SQS event-source mappings. */
    public Topology(
            List<StreamSpec> streams,
            List<TableSpec> tables,
            List<QueueSpec> queues,
            List<AliasSpec> aliases,
            List<IndexTemplateSpec> indexTemplates,
            List<FunctionSpec> functions,
            List<RouteSpec> routes,
            List<ScheduleSpec> schedules,
            List<StreamMappingSpec> streamMappings) {
        this(streams, tables, queues, aliases, indexTemplates, functions, routes, schedules, streamMappings, List.of());
    }

    public Topology {
        streams = List.copyOf(streams);
        tables = List.copyOf(tables);
        queues = List.copyOf(queues);
        aliases = List.copyOf(aliases);
        indexTemplates = List.copyOf(indexTemplates);
        functions = List.copyOf(functions);
        routes = List.copyOf(routes);
        schedules = List.copyOf(schedules);
        streamMappings = List.copyOf(streamMappings);
        queueMappings = List.copyOf(queueMappings);
        validate(streams, tables, queues, aliases, indexTemplates, functions, routes, schedules, streamMappings);
        validateQueues(queues, functions, queueMappings);
    }

    public Optional<FunctionSpec> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public FunctionSpec requireFunction(String name) {
        return function(name).orElseThrow(() -> new IllegalArgumentException("no function named " + name));
    }

    /**
     * Where a failed asynchronous run of {@code function} goes: the on-failure queue its schedules name (validated to
     * be one queue per function, as Lambda keeps one destination per function alias). Empty if nothing schedules it.
     */
    public Optional<String> asyncFailureQueue(String function) {
        return schedules.stream()
                .filter(s -> s.function().equals(function))
                .map(ScheduleSpec::onFailureQueue)
                .findFirst();
    }

    /** The work queue a function consumes through an SQS event-source mapping, if any. */
    public Optional<QueueMappingSpec> queueMapping(String function) {
        return queueMappings.stream().filter(m -> m.function().equals(function)).findFirst();
    }

    public QueueSpec requireQueue(String name) {
        return queues.stream()
                .filter(q -> q.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue named " + name));
    }

    /**
     * A work queue's redrive names a dead-letter queue declared before it (so it can be created first); each mapping
     * names a work queue and a function granted to read it; every work queue is mapped, and its visibility timeout
     * covers its function's timeout.
     */
    private static void validateQueues(
            List<QueueSpec> queues, List<FunctionSpec> functions, List<QueueMappingSpec> queueMappings) {
        Map<String, QueueSpec> declared = new HashMap<>();
        for (QueueSpec queue : queues) {
            queue.redrive().ifPresent(r -> {
                QueueSpec target = declared.get(r.deadLetterQueue());
                if (target == null || target.isWork()) {
                    throw new IllegalArgumentException("queue " + queue.name() + " redrives to " + r.deadLetterQueue()
                            + ", which must be a dead-letter queue declared before it");
                }
            });
            declared.put(queue.name(), queue);
        }
        Set<String> mapped = new HashSet<>();
        for (QueueMappingSpec mapping : queueMappings) {
            QueueSpec queue = declared.get(mapping.queue());
            if (queue == null || !queue.isWork()) {
                throw new IllegalArgumentException("queue mapping refers to " + mapping.queue() + ", not a work queue");
            }
            FunctionSpec function = functions.stream()
                    .filter(f -> f.name().equals(mapping.function()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "queue mapping refers to undeclared function " + mapping.function()));
            boolean reads = function.access().stream()
                    .anyMatch(a -> a.kind() == Access.Kind.QUEUE
                            && a.resource().equals(mapping.queue())
                            && a.mode() != Access.Mode.WRITE);
            if (!reads) {
                throw new IllegalArgumentException(
                        "function " + function.name() + " consumes " + mapping.queue() + " without a read grant");
            }
            if (queue.visibilityTimeout().compareTo(function.timeout()) < 0) {
                throw new IllegalArgumentException("queue " + queue.name()
                        + " visibility timeout is shorter than the timeout of " + function.name());
            }
            if (!mapped.add(mapping.queue())) {
                throw new IllegalArgumentException("queue " + mapping.queue() + " is mapped twice");
            }
        }
        for (QueueSpec queue : queues) {
            if (queue.isWork() && !mapped.contains(queue.name())) {
                throw new IllegalArgumentException("work queue " + queue.name() + " has no queue mapping");
            }
        }
    }

    /** Every reference names something declared, and no name is declared twice. */
    private static void validate(
            List<StreamSpec> streams,
            List<TableSpec> tables,
            List<QueueSpec> queues,
            List<AliasSpec> aliases,
            List<IndexTemplateSpec> indexTemplates,
            List<FunctionSpec> functions,
            List<RouteSpec> routes,
            List<ScheduleSpec> schedules,
            List<StreamMappingSpec> streamMappings) {
        Set<String> streamNames =
                unique("stream", streams.stream().map(StreamSpec::name).toList());
        Set<String> tableNames =
                unique("table", tables.stream().map(TableSpec::name).toList());
        Set<String> queueNames =
                unique("queue", queues.stream().map(QueueSpec::name).toList());
        Set<String> searchNames = unique(
                "search",
                java.util.stream.Stream.concat(
                                aliases.stream().map(AliasSpec::alias),
                                indexTemplates.stream().map(IndexTemplateSpec::name))
                        .toList());
        Set<String> functionNames =
                unique("function", functions.stream().map(FunctionSpec::name).toList());
        unique("route", routes.stream().map(RouteSpec::routeKey).toList());
        unique("schedule", schedules.stream().map(ScheduleSpec::name).toList());

        for (FunctionSpec function : functions) {
            for (Access access : function.access()) {
                Set<String> known = switch (access.kind()) {
                    case STREAM -> streamNames;
                    case TABLE -> tableNames;
                    case QUEUE -> queueNames;
                    case SEARCH -> searchNames;
                    case CACHE -> Set.of(access.resource());
                };
                require(known, access.resource(), "function " + function.name() + " grant");
            }
        }
        routes.forEach(r -> require(functionNames, r.function(), "route " + r.routeKey()));
        Map<String, String> asyncFailureQueues = new HashMap<>();
        for (ScheduleSpec schedule : schedules) {
            require(functionNames, schedule.function(), "schedule " + schedule.name());
            require(queueNames, schedule.onFailureQueue(), "schedule " + schedule.name() + " on-failure destination");
            String earlier = asyncFailureQueues.putIfAbsent(schedule.function(), schedule.onFailureQueue());
            if (earlier != null && !earlier.equals(schedule.onFailureQueue())) {
                throw new IllegalArgumentException("function " + schedule.function()
                        + " has one asynchronous on-failure destination, but its schedules name " + earlier + " and "
                        + schedule.onFailureQueue());
            }
        }
        for (StreamMappingSpec mapping : streamMappings) {
            require(streamNames, mapping.stream(), "stream mapping");
            require(functionNames, mapping.function(), "stream mapping");
            require(queueNames, mapping.onFailureQueue(), "stream mapping on-failure destination");
        }
    }

    private static Set<String> unique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " " + name);
            }
        }
        return seen;
    }

    private static void require(Set<String> known, String name, String where) {
        if (!known.contains(name)) {
            throw new IllegalArgumentException(where + " refers to undeclared " + name);
        }
    }
}
