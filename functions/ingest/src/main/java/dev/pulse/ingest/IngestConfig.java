package dev.pulse.ingest;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.application.WrittenPages;
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
        WrittenPages.Policy pageWrites,
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
    public static final String WRITTEN_PAGES = Variables.Ingest.WRITTEN_PAGES;
    public static final String PAGE_FANS_TOLERANCE_BP = Variables.Ingest.PAGE_FANS_TOLERANCE_BP;
    public static final String PAGE_MAX_AGE_MS = Variables.Ingest.PAGE_MAX_AGE_MS;
    /**
     * Pages one instance remembers it wrote (a few hundred bytes each, about 30 MB at the default): the firehose's
     * busy pages, which post in every batch, not every page.
     */
    public static final int DEFAULT_WRITTEN_PAGES = 100_000;
    /** 1 %: a fan count shown rounded (12.3M) does not move; mentions ranks by its order of magnitude. */
    public static final int DEFAULT_PAGE_FANS_TOLERANCE_BP = 100;
    /** How long a page may go unwritten while only its fans drift within the tolerance (or its updated_time moves). */
    public static final long DEFAULT_PAGE_MAX_AGE_MS = 600_000;
    /** The staleness bound stays under an hour, and fans within 10 %, whatever the environment says. */
    public static final Duration PAGE_MAX_AGE_LIMIT = Duration.ofHours(1);

    public static final int PAGE_FANS_TOLERANCE_LIMIT_BP = 1_000;
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
        if (pageWrites.capacity() > 10_000_000) {
            throw new ConfigException(WRITTEN_PAGES, "must be 0-10000000, was " + pageWrites.capacity());
        }
        if (pageWrites.fansToleranceBasisPoints() > PAGE_FANS_TOLERANCE_LIMIT_BP) {
            throw new ConfigException(
                    PAGE_FANS_TOLERANCE_BP,
                    "must be 0-" + PAGE_FANS_TOLERANCE_LIMIT_BP + ", was " + pageWrites.fansToleranceBasisPoints());
        }
        if (pageWrites.maxAge().compareTo(PAGE_MAX_AGE_LIMIT) > 0) {
            throw new ConfigException(
                    PAGE_MAX_AGE_MS,
                    "must be 0-" + PAGE_MAX_AGE_LIMIT.toMillis() + ", was "
                            + pageWrites.maxAge().toMillis());
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
                pageWrites(env),
                // Both are always set by the CDK and the local runtime; the defaults are the topology's own values.
                env.optional(Variables.Powertools.SERVICE_NAME, PulseTopology.INGEST_FUNCTION),
                env.optional(Variables.Powertools.METRICS_NAMESPACE, Observability.METRICS_NAMESPACE));
    }

    private static WrittenPages.Policy pageWrites(dev.pulse.core.config.Env env) {
        int capacity = env.integer(WRITTEN_PAGES, DEFAULT_WRITTEN_PAGES);
        int tolerance = env.integer(PAGE_FANS_TOLERANCE_BP, DEFAULT_PAGE_FANS_TOLERANCE_BP);
        Duration maxAge = env.millis(PAGE_MAX_AGE_MS, DEFAULT_PAGE_MAX_AGE_MS);
        if (capacity < 0) {
            throw new ConfigException(WRITTEN_PAGES, "must be 0-10000000, was " + capacity);
        }
        if (tolerance < 0) {
            throw new ConfigException(
                    PAGE_FANS_TOLERANCE_BP, "must be 0-" + PAGE_FANS_TOLERANCE_LIMIT_BP + ", was " + tolerance);
        }
        if (maxAge.isNegative()) {
            throw new ConfigException(
                    PAGE_MAX_AGE_MS, "must be 0-" + PAGE_MAX_AGE_LIMIT.toMillis() + ", was " + maxAge.toMillis());
        }
        return new WrittenPages.Policy(capacity, tolerance, maxAge);
    }
}
