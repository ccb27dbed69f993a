package dev.pulse.bench.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.pulse.bench.mentions.BenchCorpus;
import dev.pulse.bench.mentions.BenchIndex;
import dev.pulse.bench.mentions.KeystrokeSessions;
import dev.pulse.bench.mentions.Latencies;
import dev.pulse.bench.mentions.MachineFacts;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.mentions.MentionsConfig;
import dev.pulse.mentions.MentionsHandler;
import dev.pulse.mentions.MentionsWiring;
import dev.pulse.reporting.ReportingConfig;
import dev.pulse.reporting.ReportingWiring;
import dev.pulse.reporting.adapter.dynamodb.DynamoAccountPages;
import dev.pulse.reporting.adapter.dynamodb.DynamoFlagStore;
import dev.pulse.reporting.adapter.dynamodb.DynamoRunCheckpoint;
import dev.pulse.reporting.adapter.dynamodb.DynamoSnapshotStore;
import dev.pulse.reporting.adapter.opensearch.OpenSearchPageFans;
import dev.pulse.reporting.adapter.opensearch.OpenSearchPostAnalytics;
import dev.pulse.reporting.application.Flags;
import dev.pulse.reporting.application.JobMetrics;
import dev.pulse.reporting.application.Pacer;
import dev.pulse.reporting.application.RunResult;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.Window;
import dev.pulse.tools.firehose.CliEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./pulse bench reporting [--accounts 1000] [--pages 10000] [--posts 1000000] [--days 7]}: mentions p99 with
 * 4 clients idle, then while {@code daily-snapshots} (production wiring, paced) runs over every day of the corpus,
 * then while the same job runs unpaced (version 1's batch jobs). The OpenSearch corpus is kept for reruns; the tables
 * are new each run. Ends with the RESULT line.
 */
public final class ReportingBench {
    private static final int CLIENTS = 4;
    private static final int IDLE_QUERIES = 8_000;
    private static final Duration MAX_JOB = Duration.ofMinutes(20);

    private ReportingBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "1000"));
        int pages = Integer.parseInt(options.getOrDefault("pages", "10000"));
        long posts = Long.parseLong(options.getOrDefault("posts", "1000000"));
        int days = Integer.parseInt(options.getOrDefault("days", "7"));
        if (pages % accounts != 0) {
            throw new IllegalArgumentException("--pages must be a multiple of --accounts");
        }
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        PulseConfig base = PulseConfig.fromEnv(env);
        System.out.println("== machine ==");
        System.out.printf(
                "cpu: %d cores, %s; java %s%n",
                Runtime.getRuntime().availableProcessors(),
                MachineFacts.cpuModel(),
                System.getProperty("java.version"));
        System.out.println("load average at start: " + MachineFacts.loadAverage());

        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(days + 1L);
        ReportingCorpus corpus = new ReportingCorpus(
                base.openSearch().endpoint().toString().replaceAll("/$", ""), pages, posts, firstDay, days);
        long t0 = System.nanoTime();
        boolean reused = corpus.ensure();
        System.out.printf(
                "corpus: %,d pages, %,d posts over %d days from %s: %s in %.1f s%n",
                pages, posts, days, firstDay, reused ? "reused" : "bulk-loaded", (System.nanoTime() - t0) / 1e9);

        BenchTables tables = new BenchTables(new AwsClients(base).dynamoDb());
        String accountPages = tables.accountPages(accounts, pages / accounts);
        System.out.printf("account-pages: %,d accounts tracking %,d pages each%n", accounts, pages / accounts);

        // Mentions: the handler's index path over the mentions bench's 100,000-page index (kept between benches).
        var admin = OpenSearchClients.create(base.openSearch());
        BenchCorpus mentionsCorpus = new BenchCorpus(100_000, 42);
        BenchIndex.ensure(admin, "bench-pages-100000", mentionsCorpus, false);
        List<String> queries = KeystrokeSessions.generate(mentionsCorpus, IDLE_QUERIES, 7);
        Map<String, String> mentionsEnv = new java.util.HashMap<>(env);
        mentionsEnv.put(MentionsConfig.PAGES_ALIAS, "bench-pages-100000");
        mentionsEnv.put(MentionsConfig.CACHE_NAME, "bench-report-mentions");
        MentionsHandler mentions = MentionsWiring.handlerOver(
                MentionsWiring.from(PulseConfig.fromEnv(mentionsEnv)).uncachedDirectory());
        for (String q : queries) {
            ok(mentions, q);
        }

        Latencies idle = load(mentions, queries, () -> false, IDLE_QUERIES);
        System.out.println(idle.summary());

        List<Window> windows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            windows.add(Granularity.DAY.at(
                    firstDay.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        Map<String, String> jobEnv = jobEnvironment(env, accountPages, tables);
        SnapshotJob paced = ReportingWiring.create(PulseConfig.fromEnv(jobEnv), PulseTopology.DAILY_SNAPSHOTS_FUNCTION)
                .snapshotJob();
        System.out.println("load average before the paced job: " + MachineFacts.loadAverage());
        Run pacedRun = during(mentions, queries, paced, windows);
        System.out.println("paced   " + pacedRun.describe());

        Map<String, String> unpacedEnv = jobEnvironment(env, accountPages, new BenchTables(tables.dynamo));
        SnapshotJob unpaced = unpaced(PulseConfig.fromEnv(unpacedEnv));
        System.out.println("load average before the unpaced job: " + MachineFacts.loadAverage());
        Run unpacedRun = during(mentions, queries, unpaced, windows);
        System.out.println("unpaced " + unpacedRun.describe());
        System.out.println("load average at the end: " + MachineFacts.loadAverage());

        double perThousand = pacedRun.requests / (double) days / (pages / 1_000.0);
        System.out.printf(Locale.ROOT, "search requests per 1,000 tracked pages per daily run: %.1f%n", perThousand);
        double idleP99 = idle.percentileMs(99);
        System.out.printf(
                Locale.ROOT,
                "RESULT reporting accounts=%d pages=%d posts=%d seconds=%.1f requests=%d p99_idle_ms=%.2f"
                        + " p99_during_ms=%.2f p99_unpaced_ms=%.2f ratio=%.2f%n",
                accounts,
                pages,
                posts,
                pacedRun.seconds,
                pacedRun.requests,
                idleP99,
                pacedRun.mentions.percentileMs(99),
                unpacedRun.mentions.percentileMs(99),
                pacedRun.mentions.percentileMs(99) / idleP99);
        System.exit(0);
    }

    /** One job's run over every window, and the mentions latencies measured meanwhile. */
    private record Run(double seconds, long requests, int written, Latencies mentions) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "job: %.1f s, %d search requests, %d snapshots; mentions %s",
                    seconds,
                    requests,
                    written,
                    mentions.summary());
        }
    }

    private static Run during(MentionsHandler mentions, List<String> queries, SnapshotJob job, List<Window> windows)
            throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        long[] requests = {0};
        int[] written = {0};
        long t0 = System.nanoTime();
        Instant deadline = Instant.now().plus(MAX_JOB);
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                for (Window window : windows) {
                    RunResult result = job.run(window, false, deadline);
                    requests[0] += result.searchRequests();
                    written[0] += result.accountsWritten();
                }
            } finally {
                done.set(true);
            }
        });
        Latencies latencies = load(mentions, queries, done::get, Integer.MAX_VALUE);
        runner.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Run(seconds, requests[0], written[0], latencies);
    }

    /** {@link #CLIENTS} clients cycling through the queries until {@code stop} (or {@code max} queries in all). */
    private static Latencies load(MentionsHandler mentions, List<String> queries, Supplier<Boolean> stop, int max)
            throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                int i;
                while (!stop.get() && (i = next.getAndIncrement()) < max) {
                    String q = queries.get(i % queries.size());
                    long start = System.nanoTime();
                    if (!ok(mentions, q)) {
                        errors.incrementAndGet();
                    }
                    nanos.add(System.nanoTime() - start);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
        return new Latencies("mentions (4 clients)", all, new int[all.length], System.nanoTime() - t0, errors.get());
    }

    private static boolean ok(MentionsHandler handler, String q) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setQueryStringParameters(Map.of("q", q, "limit", "8"));
        return handler.handleRequest(event, null).getStatusCode() == 200;
    }

    /** The daily job's environment: its grants naming the bench's tables and indices (no failure queue is needed). */
    private static Map<String, String> jobEnvironment(
            Map<String, String> env, String accountPages, BenchTables tables) {
        Map<String, String> jobEnv = new java.util.HashMap<>(env);
        for (Access access : PulseTopology.define()
                .requireFunction(PulseTopology.DAILY_SNAPSHOTS_FUNCTION)
                .access()) {
            String physical = switch (access.kind()) {
                case TABLE ->
                    access.resource().equals(PulseTopology.ACCOUNT_PAGES_TABLE)
                            ? accountPages
                            : tables.fresh(access.resource());
                case SEARCH ->
                    access.resource().equals(PulseTopology.PAGES_ALIAS)
                            ? ReportingCorpus.PAGES_INDEX
                            : ReportingCorpus.POSTS_PREFIX;
                default -> access.resource();
            };
            jobEnv.put(access.environmentVariable(), physical);
        }
        jobEnv.put(Variables.Reporting.FLAGS_TTL_MS, "1000");
        return jobEnv;
    }

    /** Version 1's batch job: the same queries, as many in flight as the job allows, never slowing down. */
    private static SnapshotJob unpaced(PulseConfig pulse) {
        ReportingConfig config = ReportingConfig.from(pulse, PulseTopology.DAILY_SNAPSHOTS_FUNCTION);
        DynamoDbClient dynamo = new AwsClients(pulse).dynamoDb();
        OpenSearchGenericClient search = new OpenSearchGenericClient(OpenSearchClients.transport(pulse.openSearch()));
        Clock clock = Clock.systemUTC();
        return new SnapshotJob(
                new DynamoAccountPages(dynamo, config.accountPagesTable().orElseThrow()),
                new OpenSearchPostAnalytics(search, config.postsPrefix(), OpenSearchPostAnalytics.BUCKETS_PER_PAGE),
                new OpenSearchPageFans(search, config.pagesAlias().orElseThrow()),
                new DynamoSnapshotStore(dynamo, config.reportsTable().orElseThrow()),
                new DynamoRunCheckpoint(dynamo, config.reportRunsTable().orElseThrow()),
                (job, window, account, error) -> System.err.println("unpaced: " + account + " failed: " + error),
                new Flags(new DynamoFlagStore(dynamo, config.flagsTable()), config.job(), Duration.ofSeconds(1), clock),
                flags -> new Pacer(16, Duration.ofHours(1), () -> 0, clock, d -> {}),
                JobMetrics.NONE,
                clock);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
