package dev.pulse.ingest;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.ingest.application.QuarantineEntry;
import java.time.Duration;

/** The ingest function's settings: physical resource names from the topology's variables, and its limits. */
public record IngestConfig(
        String pagesIndex,
        String postsPrefix,
        String trackedPagesTable,
        String quarantineQueue,
        int maxPostBytes,
        int maxBulkBytes,
        Duration trackedPagesTtl,
        Duration trackedPagesPoll,
        Duration retryBudget,
        String serviceName,
        String metricsNamespace) {

    public static final String PAGES =
            Access.writes(Access.Kind.SEARCH, PulseTopology.PAGES_ALIAS).environmentVariable();
    public static final String POSTS =
            Access.writes(Access.Kind.SEARCH, PulseTopology.POSTS_TEMPLATE).environmentVariable();
    public static final String TRACKED_PAGES =
            Access.reads(Access.Kind.TABLE, PulseTopology.TRACKED_PAGES_TABLE).environmentVariable();
    public static final String QUARANTINE =
            Access.writes(Access.Kind.QUEUE, PulseTopology.QUARANTINE_QUEUE).environmentVariable();
    public static final String MAX_POST_BYTES = Variables.Ingest.MAX_POST_BYTES;
    public static final String MAX_BULK_BYTES = Variables.Ingest.MAX_BULK_BYTES;
    public static final String TRACKED_TTL_MS = Variables.Ingest.TRACKED_TTL_MS;
    public static final String RETRY_BUDGET_MS = Variables.Ingest.RETRY_BUDGET_MS;
    public static final String TRACKED_POLL_MS = Variables.Ingest.TRACKED_POLL_MS;
    /**
     * The safety net on a per-page answer's age: changes reach ingest through the change log, polled every {@link
     * #TRACKED_POLL_MS}; the TTL only bounds what a lost change-log entry could leave stale.
     */
    public static final Duration TRACKED_TTL_LIMIT = Duration.ofHours(1);
    /** How long a per-page answer lives unless {@link #TRACKED_TTL_MS} says otherwise. */
    public static final long DEFAULT_TRACKED_TTL_MS = 600_000;
    /** A page newly tracked, or untracked by every account, must change what ingest indexes within a minute. */
    public static final Duration TRACKED_POLL_LIMIT = Duration.ofSeconds(30);
    /** How often the change log is read unless {@link #TRACKED_POLL_MS} says otherwise. */
    public static final long DEFAULT_TRACKED_POLL_MS = 5_000;
    /** Per-page answers one instance keeps (about 150 bytes each): the firehose's busy pages, not every page. */
    public static final int TRACKED_CACHE_PAGES = 200_000;
    /** OpenSearch rejects larger bulk requests on small domains; the issue caps them at 5 MB. */
    public static final int BULK_LIMIT = 5 * 1024 * 1024;

    public IngestConfig {
        if (maxBulkBytes < 1024 || maxBulkBytes > BULK_LIMIT) {
            throw new ConfigException(MAX_BULK_BYTES, "must be 1024-" + BULK_LIMIT + ", was " + maxBulkBytes);
        }
        if (trackedPagesTtl.isNegative() || trackedPagesTtl.compareTo(TRACKED_TTL_LIMIT) > 0) {
            throw new ConfigException(
                    TRACKED_TTL_MS,
                    "must be 0-" + TRACKED_TTL_LIMIT.toMillis() + ", was " + trackedPagesTtl.toMillis());
        }
        if (trackedPagesPoll.isNegative() || trackedPagesPoll.compareTo(TRACKED_POLL_LIMIT) > 0) {
            throw new ConfigException(
                    TRACKED_POLL_MS,
                    "must be 0-" + TRACKED_POLL_LIMIT.toMillis() + ", was " + trackedPagesPoll.toMillis());
        }
        if (maxPostBytes < 1024) {
            throw new ConfigException(MAX_POST_BYTES, "must be at least 1024, was " + maxPostBytes);
        }
    }

    public static IngestConfig from(PulseConfig config) {
        var env = config.env();
        return new IngestConfig(
                config.required(PAGES),
                config.required(POSTS),
                config.required(TRACKED_PAGES),
                config.required(QUARANTINE),
                env.integer(MAX_POST_BYTES, QuarantineEntry.MAX_PAYLOAD_BYTES),
                env.integer(MAX_BULK_BYTES, BULK_LIMIT),
                env.millis(TRACKED_TTL_MS, DEFAULT_TRACKED_TTL_MS),
                env.millis(TRACKED_POLL_MS, DEFAULT_TRACKED_POLL_MS),
                env.millis(RETRY_BUDGET_MS, 60_000),
                // Both are always set by the CDK and the local runtime; the defaults are the topology's own values.
                env.optional(Variables.Powertools.SERVICE_NAME, PulseTopology.INGEST_FUNCTION),
                env.optional(Variables.Powertools.METRICS_NAMESPACE, Observability.METRICS_NAMESPACE));
    }
}
