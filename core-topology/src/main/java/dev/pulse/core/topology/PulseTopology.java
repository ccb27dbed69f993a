package dev.pulse.core.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pulse's topology. Add a function, route, schedule or resource here, and both CDK and the local runtime get it. */
public final class PulseTopology {
    public static final String POSTS_STREAM = "posts";
    public static final String TRACKED_PAGES_TABLE = "tracked-pages";
    /**
     * The string-set attribute of a {@link #TRACKED_PAGES_TABLE} item: the ids of the accounts tracking the page. The
     * accounts function writes it ({@code ADD}/{@code DELETE}), ingest reads it; a page is tracked while it is not empty.
     */
    public static final String TRACKED_PAGES_ACCOUNTS = "accounts";
    /**
     * The key prefix of the change-log items in {@link #TRACKED_PAGES_TABLE}: one item per minute and shard, whose
     * string set {@link #TRACKED_PAGES_CHANGED} holds the pages whose account set changed then; ingest polls them.
     * Page ids are digits, so no page's item has this key.
     */
    public static final String TRACKED_PAGES_CHANGES_PREFIX = "changes#";
    /** The string-set attribute of a change-log item. */
    public static final String TRACKED_PAGES_CHANGED = "pages";
    /** The TTL attribute of {@link #TRACKED_PAGES_TABLE}: only change-log items carry it, and expire. */
    public static final String TRACKED_PAGES_EXPIRES = "expiresAt";
    /**
     * The reserved account id under which operators track pages ({@code ./pulse track}) in {@link
     * #TRACKED_PAGES_ACCOUNTS}; it has no account-pages rows, so the reconciliation leaves it alone. No customer
     * account can have it (theirs are generated UUIDs).
     */
    public static final String ADMIN_TRACKING_ACCOUNT = "admin";

    public static final String QUARANTINE_QUEUE = "ingest-quarantine";
    public static final String INGEST_FAILURE_QUEUE = "ingest-failures";
    public static final String PAGES_ALIAS = "pages";
    public static final String POSTS_TEMPLATE = "posts";
    public static final String MENTIONS_CACHE = "mentions-cache";
    public static final String INGEST_FUNCTION = "ingest";
    public static final String MENTIONS_FUNCTION = "mentions";
    public static final String ACCOUNTS_FUNCTION = "accounts";
    public static final String ACCOUNTS_TABLE = "accounts";
    public static final String MEMBERS_TABLE = "members";
    public static final String MEMBERSHIPS_TABLE = "memberships";
    public static final String ACCOUNT_PAGES_TABLE = "account-pages";
    public static final String REPORTS_TABLE = "reports";
    public static final String IDEMPOTENCY_TABLE = "idempotency";
    public static final String ACCOUNTS_CACHE = "accounts-cache";
    public static final String TRACKED_RECONCILE_FUNCTION = "tracked-reconcile";
    public static final String TRACKED_RECONCILE_SCHEDULE = "tracked-reconcile-every-15-minutes";
    public static final String TRACKED_RECONCILE_FAILURE_QUEUE = "tracked-reconcile-failures";
    /** Needed by every accounts read route; a token that may write may not read unless it carries this too. */
    public static final String ACCOUNTS_READ_SCOPE = "pulse/accounts.read";
    /** Needed by every accounts write route. */
    public static final String ACCOUNTS_WRITE_SCOPE = "pulse/accounts.write";

    public static final String HOURLY_SNAPSHOTS_FUNCTION = "hourly-snapshots";
    public static final String DAILY_SNAPSHOTS_FUNCTION = "daily-snapshots";
    public static final String RETENTION_FUNCTION = "retention";
    public static final String HOURLY_SNAPSHOTS_FAILURES = "hourly-snapshots-failures";
    public static final String DAILY_SNAPSHOTS_FAILURES = "daily-snapshots-failures";
    public static final String RETENTION_FAILURES = "retention-failures";
    /** The work queues of the snapshot jobs: one message per shard of accounts, consumed by the job's own function. */
    public static final String HOURLY_SNAPSHOTS_SHARDS = "hourly-snapshots-shards";

    public static final String DAILY_SNAPSHOTS_SHARDS = "daily-snapshots-shards";
    /** Receives of a shard before SQS moves it to the job's failure queue (the first run and two retries). */
    public static final int SHARD_MAX_RECEIVES = 3;
    /** Shards one job runs at once at most (the mapping's maximum concurrency; AWS's minimum is 2). */
    public static final int SHARD_CONCURRENCY = 2;
    /** One item per account a snapshot run has finished (pk {@code run} = {@code hour#start}, sk accountId). */
    public static final String REPORT_RUNS_TABLE = "report-runs";
    /** The jobs' switches, batch sizes and paces (pk {@code job}), read at most every 30 s: no deploy to change. */
    public static final String FLAGS_TABLE = "job-flags";

    /** A snapshot invocation's limit: the scheduled one only fans out; a shard is sized to take a few minutes. */
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(15);
    /** Moves the legacy application's traffic onto Pulse route by route (legacy, shadow, canary:N, new). */
    public static final String LEGACY_PROXY_FUNCTION = "legacy-proxy";
    /** The HTTP API's path under which the legacy proxy takes every v1 path ({@code ANY /legacy/{proxy+}}). */
    public static final String LEGACY_PATH = "/legacy";
    /** Each legacy route's mode (pk {@code route}); read by the proxy at most every 5 s, set by {@code ./pulse routes}. */
    public static final String ROUTES_TABLE = "routes";
    /** The audit of every mode change (pk {@code route}, sk {@code at}): who, when, from, to, why. */
    public static final String ROUTE_CHANGES_TABLE = "route-changes";
    /** A bounded sample of shadow differences per route (pk {@code route}, sk {@code slot}), both bodies kept. */
    public static final String ROUTE_DIFFS_TABLE = "route-diffs";

    private PulseTopology() {}

    public static Topology define() {
        return new Topology(
                List.of(postsStream()),
                List.of(
                        new TableSpec(
                                TRACKED_PAGES_TABLE, "pageId", Optional.empty(), Optional.of(TRACKED_PAGES_EXPIRES)),
                        TableSpec.keyed(ACCOUNTS_TABLE, "accountId"),
                        TableSpec.sorted(MEMBERS_TABLE, "accountId", "userId"),
                        TableSpec.keyed(MEMBERSHIPS_TABLE, "userId"),
                        TableSpec.sorted(ACCOUNT_PAGES_TABLE, "accountId", "pageId"),
                        TableSpec.sorted(REPORTS_TABLE, "accountId", "periodKey"),
                        TableSpec.sorted(REPORT_RUNS_TABLE, "run", "accountId"),
                        TableSpec.keyed(FLAGS_TABLE, "job"),
                        TableSpec.keyed(ROUTES_TABLE, "route"),
                        TableSpec.sorted(ROUTE_CHANGES_TABLE, "route", "at"),
                        TableSpec.sorted(ROUTE_DIFFS_TABLE, "route", "slot"),
                        new TableSpec(IDEMPOTENCY_TABLE, "key", Optional.empty(), Optional.of("expiresAt"))),
                List.of(
                        QueueSpec.deadLetter(QUARANTINE_QUEUE, "poison posts: raw payload and the reason"),
                        QueueSpec.deadLetter(
                                INGEST_FAILURE_QUEUE, "ingest batches that exhausted their retries (metadata)"),
                        QueueSpec.deadLetter(
                                TRACKED_RECONCILE_FAILURE_QUEUE,
                                "tracked-set reconciliation runs that failed after Lambda's retries"),
                        QueueSpec.deadLetter(
                                HOURLY_SNAPSHOTS_FAILURES, "hourly-snapshots: failed runs and failed accounts"),
                        QueueSpec.deadLetter(
                                DAILY_SNAPSHOTS_FAILURES, "daily-snapshots: failed runs and failed accounts"),
                        QueueSpec.deadLetter(RETENTION_FAILURES, "retention: failed runs"),
                        shards(HOURLY_SNAPSHOTS_SHARDS, HOURLY_SNAPSHOTS_FAILURES),
                        shards(DAILY_SNAPSHOTS_SHARDS, DAILY_SNAPSHOTS_FAILURES)),
                List.of(new AliasSpec(PAGES_ALIAS, "pages-v2", "opensearch/pages-v2.json")),
                List.of(new IndexTemplateSpec(POSTS_TEMPLATE, "posts-*", "opensearch/posts-template.json")),
                List.of(
                        ingest(),
                        mentions(),
                        accounts(),
                        trackedReconcile(),
                        snapshots(
                                HOURLY_SNAPSHOTS_FUNCTION,
                                "HourlySnapshotsHandler",
                                HOURLY_SNAPSHOTS_FAILURES,
                                HOURLY_SNAPSHOTS_SHARDS),
                        snapshots(
                                DAILY_SNAPSHOTS_FUNCTION,
                                "DailySnapshotsHandler",
                                DAILY_SNAPSHOTS_FAILURES,
                                DAILY_SNAPSHOTS_SHARDS),
                        retention(),
                        legacyProxy()),
                routes(),
                schedules(),
                List.of(ingestMapping()),
                List.of(
                        shardMapping(HOURLY_SNAPSHOTS_SHARDS, HOURLY_SNAPSHOTS_FUNCTION),
                        shardMapping(DAILY_SNAPSHOTS_SHARDS, DAILY_SNAPSHOTS_FUNCTION)));
    }

    /** A snapshot job's shard queue; a shard that fails three receives goes to the job's failure queue. */
    private static QueueSpec shards(String name, String failures) {
        return QueueSpec.work(
                name,
                "snapshot runs fanned out: one message per shard of accounts",
                SNAPSHOT_TIMEOUT,
                failures,
                SHARD_MAX_RECEIVES);
    }

    /**
     * The job's function consumes its own shard queue, one shard per invocation, at most {@link #SHARD_CONCURRENCY}
     * at once: with each invocation's pace, that bounds the job's share of OpenSearch.
     */
    private static QueueMappingSpec shardMapping(String queue, String function) {
        return new QueueMappingSpec(queue, function, 1, SHARD_CONCURRENCY, true);
    }

    /**
     * Provisioned shards are the cheapest at a steady firehose. A shard takes 1 MB/s (1,000 records/s, and KPL
     * aggregation packs many posts per record); dev needs one, prod takes 10,000 posts/s with headroom for live
     * broadcasts. 24 hours of retention is the free minimum and leaves a day to redrive a failed batch.
     */
    private static StreamSpec postsStream() {
        return new StreamSpec(
                POSTS_STREAM,
                4,
                Map.of(Stage.DEV, StreamCapacity.provisioned(1), Stage.PROD, StreamCapacity.provisioned(16)),
                Duration.ofHours(24));
    }

    private static FunctionSpec ingest() {
        return new FunctionSpec(
                INGEST_FUNCTION,
                "functions/ingest",
                "dev.pulse.ingest.IngestHandler",
                1024,
                Duration.ofSeconds(120),
                Map.of(),
                List.of(
                        Access.reads(Access.Kind.STREAM, POSTS_STREAM),
                        Access.reads(Access.Kind.TABLE, TRACKED_PAGES_TABLE),
                        Access.writes(Access.Kind.QUEUE, QUARANTINE_QUEUE),
                        Access.readsAndWrites(Access.Kind.SEARCH, PAGES_ALIAS),
                        Access.writes(Access.Kind.SEARCH, POSTS_TEMPLATE)));
    }

    private static FunctionSpec mentions() {
        return new FunctionSpec(
                MENTIONS_FUNCTION,
                "functions/mentions",
                "dev.pulse.mentions.MentionsHandler",
                1024,
                Duration.ofSeconds(5),
                Map.of(),
                List.of(
                        Access.reads(Access.Kind.SEARCH, PAGES_ALIAS),
                        Access.readsAndWrites(Access.Kind.CACHE, MENTIONS_CACHE)));
    }

    /** The HTTP API: mentions is public; every accounts route sits behind the JWT authorizer with a scope. */
    private static List<RouteSpec> routes() {
        List<RouteSpec> routes = new ArrayList<>();
        routes.add(new RouteSpec("GET", "/mentions", MENTIONS_FUNCTION, false));
        routes.add(write("POST", "/accounts"));
        routes.add(read("GET", "/accounts/me"));
        routes.add(write("PATCH", "/accounts/me"));
        routes.add(read("GET", "/accounts/me/members"));
        routes.add(write("PUT", "/accounts/me/members/{userId}"));
        routes.add(write("DELETE", "/accounts/me/members/{userId}"));
        routes.add(read("GET", "/accounts/me/tracked-pages"));
        routes.add(write("PUT", "/accounts/me/tracked-pages/{pageId}"));
        routes.add(write("DELETE", "/accounts/me/tracked-pages/{pageId}"));
        routes.add(read("GET", "/accounts/me/dashboards/{period}"));
        // The legacy API keeps its own authentication (v1's session header); the proxy passes the caller's Pulse
        // token on to the new service only, whose own authorizer checks it.
        routes.add(new RouteSpec("ANY", LEGACY_PATH + "/{proxy+}", LEGACY_PROXY_FUNCTION, false));
        return List.copyOf(routes);
    }

    private static RouteSpec read(String method, String path) {
        return RouteSpec.scoped(method, path, ACCOUNTS_FUNCTION, ACCOUNTS_READ_SCOPE);
    }

    private static RouteSpec write(String method, String path) {
        return RouteSpec.scoped(method, path, ACCOUNTS_FUNCTION, ACCOUNTS_WRITE_SCOPE);
    }

    /**
     * The signed-in customer's API. It writes its own tables and the per-page {@code accounts} set of tracked-pages
     * (which ingest reads), reads the pages alias to check a page exists, and caches its reads in Redis.
     */
    private static FunctionSpec accounts() {
        return new FunctionSpec(
                ACCOUNTS_FUNCTION,
                "functions/accounts",
                "dev.pulse.accounts.AccountsHandler",
                1024,
                Duration.ofSeconds(5),
                Map.of(),
                List.of(
                        Access.readsAndWrites(Access.Kind.TABLE, ACCOUNTS_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, MEMBERS_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, MEMBERSHIPS_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, ACCOUNT_PAGES_TABLE),
                        Access.reads(Access.Kind.TABLE, REPORTS_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, IDEMPOTENCY_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, TRACKED_PAGES_TABLE),
                        Access.reads(Access.Kind.SEARCH, PAGES_ALIAS),
                        Access.readsAndWrites(Access.Kind.CACHE, ACCOUNTS_CACHE)));
    }

    /**
     * Repairs drift between account-pages (the source of truth) and tracked-pages' per-page account sets, which two
     * non-transactional writes keep (dynalite has no TransactWriteItems), and recounts each account's trackedCount. It
     * shares the accounts module's jar. It reads account-pages, ADDs and DELETEs in tracked-pages, and repairs the
     * counter on the accounts item; nothing else. Five minutes covers two full scans at 1,000,000 tracked pages.
     */
    private static FunctionSpec trackedReconcile() {
        return new FunctionSpec(
                TRACKED_RECONCILE_FUNCTION,
                "functions/accounts",
                "dev.pulse.accounts.ReconcileHandler",
                1024,
                Duration.ofMinutes(5),
                Map.of(),
                List.of(
                        Access.reads(Access.Kind.TABLE, ACCOUNT_PAGES_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, TRACKED_PAGES_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, ACCOUNTS_TABLE)));
    }

    /**
     * Every 15 minutes: drift only comes from a crash between a track's two writes, which a retry of the request
     * already repairs, so this is the backstop. Ingest sees a change within a poll (5 s) of a logged write; a crashed one
     * is repaired within 15 minutes, and the run costs two table scans (about 2 read units per 8 KB scanned, a few
     * dollars a month at 1,000,000 tracked pages), so a shorter period buys little and costs four times the reads.
     */
    private static ScheduleSpec trackedReconcileSchedule() {
        return new ScheduleSpec(
                TRACKED_RECONCILE_SCHEDULE,
                "rate(15 minutes)",
                TRACKED_RECONCILE_FUNCTION,
                "Repairs and counts drift of the tracked-pages account sets",
                TRACKED_RECONCILE_FAILURE_QUEUE);
    }

    /**
     * A reporting job: its scheduled run splits the accounts into shards on its shard queue, and the same function
     * consumes them; a shard reads its accounts' tracked pages, aggregates their posts in OpenSearch and writes one
     * snapshot per account into reports; failed accounts go to its failure queue, progress to report-runs.
     */
    private static FunctionSpec snapshots(String name, String handler, String failures, String shards) {
        return new FunctionSpec(
                name,
                "functions/reporting",
                "dev.pulse.reporting." + handler,
                1024,
                SNAPSHOT_TIMEOUT,
                Map.of(),
                List.of(
                        Access.reads(Access.Kind.TABLE, ACCOUNT_PAGES_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, REPORTS_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, REPORT_RUNS_TABLE),
                        Access.reads(Access.Kind.TABLE, FLAGS_TABLE),
                        Access.writes(Access.Kind.QUEUE, failures),
                        Access.readsAndWrites(Access.Kind.QUEUE, shards),
                        Access.queries(PAGES_ALIAS),
                        Access.queries(POSTS_TEMPLATE)));
    }

    /**
     * The legacy proxy: reads the routes table, writes the audit and the diff samples, and calls two HTTP backends
     * (the legacy base URL and Pulse's API) within its 10 s timeout: 3 s to legacy, 1 s to the new service before a
     * fallback, so a request that falls back still answers well inside API Gateway's 30 s.
     */
    private static FunctionSpec legacyProxy() {
        return new FunctionSpec(
                LEGACY_PROXY_FUNCTION,
                "functions/legacy-proxy",
                "dev.pulse.legacy.LegacyProxyHandler",
                1024,
                Duration.ofSeconds(10),
                Map.of(),
                List.of(
                        Access.readsAndWrites(Access.Kind.TABLE, ROUTES_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, ROUTE_CHANGES_TABLE),
                        Access.readsAndWrites(Access.Kind.TABLE, ROUTE_DIFFS_TABLE)));
    }

    /** Deletes the daily posts indices past their retention; never today's or yesterday's. */
    private static FunctionSpec retention() {
        return new FunctionSpec(
                RETENTION_FUNCTION,
                "functions/reporting",
                "dev.pulse.reporting.RetentionHandler",
                512,
                Duration.ofMinutes(5),
                Map.of(),
                List.of(Access.reads(Access.Kind.TABLE, FLAGS_TABLE), Access.expires(POSTS_TEMPLATE)));
    }

    /**
     * Hourly snapshots a few minutes past each hour (for the hour before, once late posts have landed), daily ones at
     * 00:15 UTC for the day before, retention at 01:30 UTC, after the daily snapshots have read yesterday.
     */
    private static List<ScheduleSpec> schedules() {
        return List.of(
                trackedReconcileSchedule(),
                new ScheduleSpec(
                        HOURLY_SNAPSHOTS_FUNCTION,
                        "cron(5 * * * ? *)",
                        HOURLY_SNAPSHOTS_FUNCTION,
                        "every account's snapshot of the hour before",
                        HOURLY_SNAPSHOTS_FAILURES),
                new ScheduleSpec(
                        DAILY_SNAPSHOTS_FUNCTION,
                        "cron(15 0 * * ? *)",
                        DAILY_SNAPSHOTS_FUNCTION,
                        "every account's snapshot of the day before",
                        DAILY_SNAPSHOTS_FAILURES),
                new ScheduleSpec(
                        RETENTION_FUNCTION,
                        "cron(30 1 * * ? *)",
                        RETENTION_FUNCTION,
                        "deletes posts indices past their retention",
                        RETENTION_FAILURES));
    }

    /** Lambda's Kinesis event-source mapping for ingest; the local poller honours the same settings. */
    private static StreamMappingSpec ingestMapping() {
        return new StreamMappingSpec(
                POSTS_STREAM,
                INGEST_FUNCTION,
                1000,
                Duration.ofSeconds(1),
                StreamMappingSpec.StartingPosition.TRIM_HORIZON,
                true,
                true,
                10,
                Duration.ofHours(6),
                2,
                INGEST_FAILURE_QUEUE);
    }
}
