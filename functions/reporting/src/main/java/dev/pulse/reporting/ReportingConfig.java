package dev.pulse.reporting;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.Variables;
import dev.pulse.reporting.application.Flags;
import java.time.Duration;
import java.util.Optional;

/**
 * One reporting function's settings: physical names from its grants (so a job finds its own failure queue), and the
 * pacing and retention knobs. Names absent from a job's grants are empty; the job that needs one requires it.
 */
public record ReportingConfig(
        String job,
        Optional<String> accountPagesTable,
        Optional<String> reportsTable,
        Optional<String> reportRunsTable,
        String flagsTable,
        Optional<String> failureQueue,
        Optional<String> shardQueue,
        int shardPages,
        Optional<String> pagesAlias,
        String postsPrefix,
        Duration flagsTtl,
        Duration latencyTarget,
        int retentionDays,
        boolean retentionDryRun,
        String serviceName,
        String metricsNamespace) {
    public static final String RETENTION_DAYS = Variables.Reporting.RETENTION_DAYS;
    public static final String RETENTION_DRY_RUN = Variables.Reporting.RETENTION_DRY_RUN;
    public static final String FLAGS_TTL_MS = Variables.Reporting.FLAGS_TTL_MS;
    public static final String LATENCY_TARGET_MS = Variables.Reporting.LATENCY_TARGET_MS;
    public static final String SHARD_PAGES = Variables.Reporting.SHARD_PAGES;
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /**
     * Tracked pages per shard: the benchmark's rate (BENCHMARKS.md) does 2,000 in well under a minute, far from
     * Lambda's 15, and a shard's message stays small.
     */
    public static final int DEFAULT_SHARD_PAGES = 2_000;

    public ReportingConfig {
        if (flagsTtl.isNegative() || flagsTtl.compareTo(Flags.MAX_TTL) > 0) {
            throw new ConfigException(
                    FLAGS_TTL_MS, "must be 0-" + Flags.MAX_TTL.toMillis() + ", was " + flagsTtl.toMillis());
        }
        if (retentionDays < 1) {
            throw new ConfigException(RETENTION_DAYS, "must be at least 1, was " + retentionDays);
        }
        if (shardPages < 1) {
            throw new ConfigException(SHARD_PAGES, "must be at least 1, was " + shardPages);
        }
        if (latencyTarget.isNegative() || latencyTarget.isZero()) {
            throw new ConfigException(LATENCY_TARGET_MS, "must be positive, was " + latencyTarget.toMillis());
        }
    }

    /** The settings of {@code job}, one of the topology's reporting functions. */
    public static ReportingConfig from(PulseConfig config, String job) {
        Topology topology = PulseTopology.define();
        FunctionSpec spec = topology.requireFunction(job);
        var env = config.env();
        return new ReportingConfig(
                job,
                granted(config, spec, Access.Kind.TABLE, PulseTopology.ACCOUNT_PAGES_TABLE),
                granted(config, spec, Access.Kind.TABLE, PulseTopology.REPORTS_TABLE),
                granted(config, spec, Access.Kind.TABLE, PulseTopology.REPORT_RUNS_TABLE),
                granted(config, spec, Access.Kind.TABLE, PulseTopology.FLAGS_TABLE)
                        .orElseThrow(() -> new ConfigException(job, "has no flags table grant")),
                topology.asyncFailureQueue(job).flatMap(queue -> granted(config, spec, Access.Kind.QUEUE, queue)),
                topology.queueMapping(job)
                        .flatMap(mapping -> granted(config, spec, Access.Kind.QUEUE, mapping.queue())),
                env.integer(SHARD_PAGES, DEFAULT_SHARD_PAGES),
                granted(config, spec, Access.Kind.SEARCH, PulseTopology.PAGES_ALIAS),
                granted(config, spec, Access.Kind.SEARCH, PulseTopology.POSTS_TEMPLATE)
                        .orElseThrow(() -> new ConfigException(job, "has no posts grant")),
                env.millis(FLAGS_TTL_MS, Flags.MAX_TTL.toMillis()),
                env.millis(LATENCY_TARGET_MS, 500),
                env.integer(RETENTION_DAYS, DEFAULT_RETENTION_DAYS),
                env.flag(RETENTION_DRY_RUN, false),
                env.optional(Variables.Powertools.SERVICE_NAME, job),
                env.optional(Variables.Powertools.METRICS_NAMESPACE, Observability.METRICS_NAMESPACE));
    }

    private static Optional<String> granted(PulseConfig config, FunctionSpec spec, Access.Kind kind, String resource) {
        return spec.access().stream()
                .filter(a -> a.kind() == kind && a.resource().equals(resource))
                .findFirst()
                .map(a -> config.required(a.environmentVariable()));
    }

    static String require(Optional<String> name, String what) {
        return name.orElseThrow(() -> new ConfigException(what, "is not granted to this job"));
    }
}
