package dev.pulse.core.topology;

/**
 * The name of every environment variable a Pulse function reads, declared once: the CDK app and the local runtime set
 * them, the configs read them. Each grant adds one more, derived from its resource by {@link Access#environmentVariable()}.
 */
public final class Variables {
    private Variables() {}

    /** Where the function runs and which endpoints it uses instead of the SDK's defaults. */
    public static final class Platform {
        /** {@value #PROFILE_LOCAL} on the local platform, {@value #PROFILE_AWS} (the default) in an account. */
        public static final String PROFILE = "PULSE_PROFILE";

        public static final String PROFILE_LOCAL = "local";
        public static final String PROFILE_AWS = "aws";
        /** The deployed environment's name ({@link Stage#id()}); the CDK sets it for operators reading the console. */
        public static final String ENVIRONMENT = "PULSE_ENVIRONMENT";
        /** Endpoint overrides: present only on the local platform, where each names a loopback server. */
        public static final String KINESIS_ENDPOINT = "PULSE_KINESIS_ENDPOINT";

        public static final String DYNAMODB_ENDPOINT = "PULSE_DYNAMODB_ENDPOINT";
        public static final String SQS_ENDPOINT = "PULSE_SQS_ENDPOINT";

        private Platform() {}
    }

    /** Set by Lambda itself in every function; the local runtime sets the same ones. */
    public static final class Lambda {
        public static final String REGION = "AWS_REGION";
        public static final String DEFAULT_REGION = "AWS_DEFAULT_REGION";
        public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
        public static final String FUNCTION_VERSION = "AWS_LAMBDA_FUNCTION_VERSION";
        public static final String FUNCTION_MEMORY_SIZE = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
        public static final String LOG_GROUP_NAME = "AWS_LAMBDA_LOG_GROUP_NAME";
        public static final String LOG_FORMAT = "AWS_LAMBDA_LOG_FORMAT";
        public static final String EXECUTION_ENV = "AWS_EXECUTION_ENV";
        public static final String HANDLER = "_HANDLER";

        private Lambda() {}
    }

    /** How a function that has a SEARCH grant reaches OpenSearch. */
    public static final class OpenSearch {
        public static final String ENDPOINT = "PULSE_OPENSEARCH_ENDPOINT";
        /** Sign requests with SigV4; defaults to true in AWS, false locally. */
        public static final String SIGV4 = "PULSE_OPENSEARCH_SIGV4";

        public static final String TIMEOUT_MS = "PULSE_OPENSEARCH_TIMEOUT_MS";
        public static final String MAX_CONNECTIONS = "PULSE_OPENSEARCH_MAX_CONNECTIONS";

        private OpenSearch() {}
    }

    /** How a function that has a CACHE grant reaches Redis. */
    public static final class Redis {
        public static final String URL = "PULSE_REDIS_URL";
        public static final String TIMEOUT_MS = "PULSE_REDIS_TIMEOUT_MS";
        /** The Secrets Manager secret holding the AUTH token (ElastiCache only), read at cold start. */
        public static final String AUTH_SECRET_ARN = "PULSE_REDIS_AUTH_SECRET_ARN";

        private Redis() {}
    }

    /** Read by Powertools itself; their values are declared by {@link Observability}. */
    public static final class Powertools {
        public static final String SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
        public static final String METRICS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
        public static final String LOG_LEVEL = "POWERTOOLS_LOG_LEVEL";

        private Powertools() {}
    }

    /** The ingest function's limits; each has a default, so none is required. */
    public static final class Ingest {
        public static final String MAX_POST_BYTES = "PULSE_INGEST_MAX_POST_BYTES";
        public static final String MAX_BULK_BYTES = "PULSE_INGEST_MAX_BULK_BYTES";
        public static final String TRACKED_TTL_MS = "PULSE_INGEST_TRACKED_TTL_MS";
        public static final String TRACKED_POLL_MS = "PULSE_INGEST_TRACKED_POLL_MS";
        public static final String RETRY_BUDGET_MS = "PULSE_INGEST_RETRY_BUDGET_MS";
        /** Pages whose last write one instance remembers, to skip writes that change nothing; 0 turns skipping off. */
        public static final String WRITTEN_PAGES = "PULSE_INGEST_WRITTEN_PAGES";
        /** How far fans may drift from the written value before the page is written again, in basis points. */
        public static final String PAGE_FANS_TOLERANCE_BP = "PULSE_INGEST_PAGE_FANS_TOLERANCE_BP";
        /** The age after which a page is written again even when nothing mentions reads changed. */
        public static final String PAGE_MAX_AGE_MS = "PULSE_INGEST_PAGE_MAX_AGE_MS";

        private Ingest() {}
    }

    /** The accounts function's switches; each has a default. */
    public static final class Accounts {
        /**
         * {@code on} (the default) or {@code off}: off, every read goes to DynamoDB. A kill switch when the cache
         * misbehaves, and the benchmark's cache-bypassed baseline.
         */
        public static final String CACHE = "PULSE_ACCOUNTS_CACHE";

        private Accounts() {}
    }

    /** The tracked-reconcile function's scan width; it has a default. */
    public static final class Reconcile {
        /** Parallel scan segments per table (1-64, default 4); each is one thread and one paginated Scan. */
        public static final String SEGMENTS = "PULSE_RECONCILE_SEGMENTS";

        private Reconcile() {}
    }

    /** The reporting jobs' settings; each has a default (the flags table overrides batch size and pace). */
    public static final class Reporting {
        /** How many days of posts indices retention keeps (default 30); today's and yesterday's always stay. */
        public static final String RETENTION_DAYS = "PULSE_RETENTION_DAYS";
        /** {@code true}: retention lists what it would delete and deletes nothing. */
        public static final String RETENTION_DRY_RUN = "PULSE_RETENTION_DRY_RUN";
        /** How long a flags read is reused, in ms (default and at most 30,000). */
        public static final String FLAGS_TTL_MS = "PULSE_FLAGS_TTL_MS";
        /** A search request slower than this (default 500 ms) makes the job slow down. */
        public static final String LATENCY_TARGET_MS = "PULSE_REPORTING_LATENCY_TARGET_MS";
        /** Tracked pages per shard of a fanned-out snapshot run (default 2,000; an account is never split). */
        public static final String SHARD_PAGES = "PULSE_REPORTING_SHARD_PAGES";

        private Reporting() {}
    }

    /** The mentions function's cache timings; each has a default. */
    public static final class Mentions {
        public static final String CACHE_TTL_S = "PULSE_MENTIONS_CACHE_TTL_S";
        public static final String VERSION_TTL_MS = "PULSE_MENTIONS_VERSION_TTL_MS";

        private Mentions() {}
    }
    /** The legacy proxy's backends and limits; the base URLs are required, the rest have defaults. */
    public static final class Legacy {
        /** The v1 application's base URL (locally the stand-in on {@link LocalPort#LEGACY}). */
        public static final String BASE_URL = "PULSE_LEGACY_BASE_URL";
        /** Pulse's own HTTP API, which the adapters call in {@code new}, {@code canary} and {@code shadow}. */
        public static final String NEW_BASE_URL = "PULSE_LEGACY_NEW_BASE_URL";
        /** How long a call to legacy may take (default 3,000 ms). */
        public static final String LEGACY_TIMEOUT_MS = "PULSE_LEGACY_TIMEOUT_MS";
        /** How long a call to the new service may take before the proxy falls back to legacy (default 1,000 ms). */
        public static final String NEW_TIMEOUT_MS = "PULSE_LEGACY_NEW_TIMEOUT_MS";
        /** How long a route's mode is reused (default and at most 5,000 ms). */
        public static final String MODES_TTL_MS = "PULSE_LEGACY_MODES_TTL_MS";
        /** Largest request or response body passed through (default 1 MB). */
        public static final String MAX_BODY_BYTES = "PULSE_LEGACY_MAX_BODY_BYTES";
        /** The automatic rollback's sliding window (default 60,000 ms). */
        public static final String ROLLBACK_WINDOW_MS = "PULSE_LEGACY_ROLLBACK_WINDOW_MS";
        /** The new service's error rate in the window above which a route goes back to legacy (default 0.2). */
        public static final String ROLLBACK_ERROR_RATE = "PULSE_LEGACY_ROLLBACK_ERROR_RATE";
        /** How many calls to the new service the window needs before it may roll back (default 20). */
        public static final String ROLLBACK_MIN_CALLS = "PULSE_LEGACY_ROLLBACK_MIN_CALLS";
        /**
         * The fraction of answers the new service gives in {@code canary}/{@code new} that are compared with legacy's
         * off the request path, for the diff-rate rollback (default 0.1; 0 turns the comparison off).
         */
        public static final String VERIFY_SAMPLE_RATE = "PULSE_LEGACY_VERIFY_SAMPLE_RATE";
        /** The compared answers' diff rate in the window above which a route goes back to legacy (default 0.2). */
        public static final String ROLLBACK_DIFF_RATE = "PULSE_LEGACY_ROLLBACK_DIFF_RATE";
        /** How many compared answers the window needs before the diff rate may roll back (default 20). */
        public static final String ROLLBACK_MIN_COMPARISONS = "PULSE_LEGACY_ROLLBACK_MIN_COMPARISONS";

        private Legacy() {}
    }
}
