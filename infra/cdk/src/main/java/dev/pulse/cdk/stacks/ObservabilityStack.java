package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.AlarmThresholds;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.dynamodb.SystemErrorsForOperationsMetricOptions;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The alarms a five-person team needs, all to the alerts topic, and one dashboard. Each alarm's description links its
 * runbook section in docs/DEPLOYING.md.
 */
public final class ObservabilityStack extends Stack {
    private final List<Alarm> alarms = new ArrayList<>();

    /** What is watched. */
    public record Watched(
            StreamStack streams,
            StorageStack storage,
            SearchStack search,
            CacheStack cache,
            Functions functions,
            ApiStack api,
            AlertsStack alerts) {}

    /** A shard runs in minutes; one waiting an hour has failed its receives or found its job switched off. */
    static final int WORK_QUEUE_MAX_AGE_S = 3_600;

    public ObservabilityStack(
            Construct scope, String id, StackProps props, EnvironmentConfig config, Topology topology, Watched w) {
        super(scope, id, props);
        AlarmThresholds t = config.alarms();
        Alarms make = new Alarms(this, config.prefix(), w.alerts().topic());
        MetricOptions fiveMinutes =
                MetricOptions.builder().period(Duration.minutes(5)).build();
        for (PulseFunction fn : w.functions().functions().values()) {
            String name = fn.spec().name();
            alarms.add(make.atLeast(
                    name,
                    "errors",
                    fn.function().metricErrors(fiveMinutes),
                    t.functionErrors(),
                    1,
                    "Function " + name + " failed invocations."));
            alarms.add(make.atLeast(
                    name,
                    "throttles",
                    fn.function().metricThrottles(fiveMinutes),
                    t.functionThrottles(),
                    1,
                    "Function " + name + " was throttled (account or reserved concurrency)."));
        }
        for (ScheduleSpec schedule : topology.schedules()) {
            // The reporting jobs publish RunsCompleted and AccountsFailed; the reconciliation has its drift alarm.
            if (!schedule.function().equals(PulseTopology.TRACKED_RECONCILE_FUNCTION)) {
                scheduledJob(make, schedule);
            }
        }
        for (StreamMappingSpec mapping : topology.streamMappings()) {
            PulseFunction fn = w.functions().function(mapping.function());
            alarms.add(make.atLeast(
                    mapping.function(),
                    "iterator-age",
                    iteratorAge(fn),
                    t.iteratorAgeMs(),
                    5,
                    "Ingest from " + mapping.stream() + " is falling behind the stream."));
        }
        for (Map.Entry<String, IQueue> queue : w.storage().queues().entrySet()) {
            if (topology.requireQueue(queue.getKey()).isWork()) {
                // A work queue is meant to hold messages; what must not happen is a shard waiting long.
                alarms.add(make.atLeast(
                        queue.getKey(),
                        "oldest-message",
                        queue.getValue()
                                .metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                                        .period(Duration.minutes(5))
                                        .statistic("Maximum")
                                        .build()),
                        WORK_QUEUE_MAX_AGE_S,
                        1,
                        "Work in queue " + queue.getKey() + " has waited over an hour: its consumer is failing or"
                                + " switched off."));
                continue;
            }
            alarms.add(make.atLeast(
                    queue.getKey(),
                    "dlq-depth",
                    queue.getValue()
                            .metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                                    .period(Duration.minutes(1))
                                    .statistic("Maximum")
                                    .build()),
                    1,
                    1,
                    "Messages are waiting in dead-letter queue " + queue.getKey() + "."));
        }
        for (TableSpec table : topology.tables()) {
            ITable stored = w.storage().table(table.name());
            alarms.add(make.atLeast(
                    table.name(),
                    "table-throttles",
                    stored.metricThrottledRequestsForOperations(OperationsMetricOptions.builder()
                            .operations(TABLE_OPERATIONS)
                            .period(Duration.minutes(5))
                            .build()),
                    1,
                    2,
                    "DynamoDB table " + table.name() + " throttled requests for 10 minutes."));
            alarms.add(make.atLeast(
                    table.name(),
                    "table-system-errors",
                    stored.metricSystemErrorsForOperations(SystemErrorsForOperationsMetricOptions.builder()
                            .operations(TABLE_OPERATIONS)
                            .period(Duration.minutes(5))
                            .build()),
                    1,
                    1,
                    "DynamoDB answered table " + table.name() + " with internal errors (HTTP 500)."));
        }
        if (topology.function(PulseTopology.TRACKED_RECONCILE_FUNCTION).isPresent()) {
            alarms.add(make.atLeast(
                    PulseTopology.TRACKED_RECONCILE_FUNCTION,
                    "tracked-drift",
                    trackedDrift(),
                    1,
                    1,
                    "The reconciliation repaired account ids in tracked-pages: a track or untrack crashed half-way."));
        }
        if (topology.function(PulseTopology.LEGACY_PROXY_FUNCTION).isPresent()) {
            alarms.addAll(LegacyProxyAlarms.make(make));
        }
        alarms.add(make.atLeast(
                "api",
                "p99-latency",
                w.api()
                        .api()
                        .metricLatency(MetricOptions.builder()
                                .period(Duration.minutes(1))
                                .statistic("p99")
                                .build()),
                t.apiP99Ms(),
                5,
                "HTTP API p99 latency is above target."));
        alarms.add(make.atLeast(
                "api",
                "5xx",
                w.api().api().metricServerError(fiveMinutes),
                t.api5xx(),
                1,
                "HTTP API answered with 5xx errors."));
        var domain = w.search().domain();
        MetricOptions max = MetricOptions.builder()
                .period(Duration.minutes(1))
                .statistic("Maximum")
                .build();
        alarms.add(make.atLeast(
                "search",
                "cluster-red",
                domain.metricClusterStatusRed(max),
                1,
                1,
                "At least one primary shard is unassigned: writes to it fail."));
        alarms.add(make.atLeast(
                "search",
                "cluster-yellow",
                domain.metricClusterStatusYellow(max),
                1,
                15,
                "Replica shards are unassigned: one more node loss loses data."));
        alarms.add(make.atLeast(
                "search",
                "jvm-pressure",
                domain.metricJVMMemoryPressure(max),
                t.searchJvmPressurePercent(),
                5,
                "OpenSearch heap is nearly full: expect rejections and circuit breakers."));
        for (String node : w.cache().nodeIds(config)) {
            String subject = "redis-" + node.substring(node.lastIndexOf('-') + 1);
            alarms.add(make.atLeast(
                    subject,
                    "cache-cpu",
                    cacheMetric(node, "EngineCPUUtilization", "Average"),
                    t.cacheCpuPercent(),
                    5,
                    "Redis engine thread is busy on " + node + "."));
            alarms.add(make.atLeast(
                    subject,
                    "cache-evictions",
                    cacheMetric(node, "Evictions", "Sum"),
                    t.cacheEvictions(),
                    3,
                    "Redis is evicting keys on " + node + ": the cache is too small."));
        }
        new PulseDashboard(this, config, topology, w);
    }

    /** The operations Pulse's functions call: one metric each, within an alarm's limit of 10 metrics. */
    static final List<Operation> TABLE_OPERATIONS = List.of(
            Operation.GET_ITEM,
            Operation.BATCH_GET_ITEM,
            Operation.QUERY,
            Operation.SCAN,
            Operation.PUT_ITEM,
            Operation.UPDATE_ITEM,
            Operation.DELETE_ITEM,
            Operation.BATCH_WRITE_ITEM);

    /** Account ids one reconciliation run had to repair (EMF, published by the function itself every 15 minutes). */
    static Metric trackedDrift() {
        return Metric.Builder.create()
                .namespace(Observability.METRICS_NAMESPACE)
                .metricName(Observability.TRACKED_DRIFT_METRIC)
                .dimensionsMap(Map.of(Observability.SERVICE_DIMENSION, PulseTopology.TRACKED_RECONCILE_FUNCTION))
                .statistic("Sum")
                .period(Duration.minutes(15))
                .build();
    }

    /**
     * A scheduled job's own alarms (its failed invocations and its failure queue have the generic ones): late when no
     * run completed within two of its intervals (an hour for an hourly cron, a day otherwise), and failed accounts.
     */
    private void scheduledJob(Alarms make, ScheduleSpec schedule) {
        boolean hourly = schedule.expression().startsWith("rate(1 hour")
                || (schedule.expression().startsWith("cron(")
                        && schedule.expression().split("\\s+")[1].equals("*"));
        Duration interval = hourly ? Duration.hours(1) : Duration.days(1);
        alarms.add(make.below(
                schedule.function(),
                "job-late",
                jobMetric(schedule.function(), "RunsCompleted", interval),
                1,
                hourly ? 2 : 1,
                "Scheduled job " + schedule.function() + " has not completed a run on time."));
        alarms.add(make.atLeast(
                schedule.function(),
                "accounts-failed",
                jobMetric(schedule.function(), "AccountsFailed", Duration.hours(1)),
                1,
                1,
                "Scheduled job " + schedule.function() + " sent accounts to its dead-letter queue."));
    }

    /** A metric the reporting jobs emit (EMF, the topology's namespace, dimension Service = function name). */
    private static IMetric jobMetric(String function, String name, Duration period) {
        return Metric.Builder.create()
                .namespace(Observability.METRICS_NAMESPACE)
                .metricName(name)
                .dimensionsMap(Map.of("Service", function))
                .statistic("Sum")
                .period(period)
                .build();
    }

    /** Lambda publishes IteratorAge per function for stream-triggered functions; the maximum is the laggard shard. */
    static IMetric iteratorAge(PulseFunction fn) {
        return fn.function()
                .metric(
                        "IteratorAge",
                        MetricOptions.builder()
                                .statistic("Maximum")
                                .period(Duration.minutes(1))
                                .build());
    }

    static Metric cacheMetric(String node, String name, String statistic) {
        return Metric.Builder.create()
                .namespace("AWS/ElastiCache")
                .metricName(name)
                .dimensionsMap(Map.of("CacheClusterId", node))
                .statistic(statistic)
                .period(Duration.minutes(5))
                .build();
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }
}
