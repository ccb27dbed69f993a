package dev.pulse.bench.mentions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.LocalPort;
import dev.pulse.core.topology.Variables;
import dev.pulse.mentions.MentionsConfig;
import dev.pulse.mentions.MentionsHandler;
import dev.pulse.mentions.MentionsWiring;
import dev.pulse.tools.naive.NaivePageDirectory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * {@code ./pulse bench mentions [--pages 100000,1000000] [--queries 5000] [--reload] [--naive-seconds 60]
 * [--svg target/bench/mentions-growth.svg]}: loads the corpus into the local OpenSearch and measures, in one run, the
 * handler's index path (1 and 4 clients), its cache path, a function_score design (for comparison), the naive wildcard
 * baseline and an in-process Lucene FST suggester; then prints the growth of p99 with size (overall and by prefix
 * length) and draws it as an SVG. The slow designs (function_score, naive) are time-bounded per size. Prints figures;
 * asserts nothing.
 */
public final class MentionsBench {
    private static final int WARMUP = 500;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("pages", "100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(size.strip().replace("_", "")));
        }
        int queryCount = Integer.parseInt(options.getOrDefault("queries", "5000"));
        double naiveSeconds = Double.parseDouble(options.getOrDefault("naive-seconds", "60"));
        boolean reload = options.containsKey("reload");
        Path svg = Path.of(options.getOrDefault("svg", "target/bench/mentions-growth.svg"));
        if (sizes.stream().anyMatch(size -> size < 1_000)) {
            throw new IllegalArgumentException("--pages: each size must be at least 1000, got " + sizes);
        }
        sizes.sort(Integer::compare);

        Map<String, String> env = localEnvironment();
        PulseConfig base = PulseConfig.fromEnv(env);
        Map<String, String> adminEnv = new HashMap<>(env);
        adminEnv.put(Variables.OpenSearch.TIMEOUT_MS, "900000");
        OpenSearchClient admin =
                OpenSearchClients.create(PulseConfig.fromEnv(adminEnv).openSearch());
        MachineFacts.print(admin, base);

        Map<Integer, Map<String, Latencies>> all = new LinkedHashMap<>();
        Map<Integer, BenchIndex.Load> loads = new LinkedHashMap<>();
        for (int size : sizes) {
            all.put(size, runSize(size, queryCount, naiveSeconds, reload, env, admin, loads));
        }
        GrowthCurve curve = new GrowthCurve(all);
        System.out.printf("%n== growth ==%n%s", curve.table());
        curve.writeSvg(
                svg,
                String.format(
                        Locale.ROOT,
                        "%s; OpenSearch heap %s; load %s",
                        MachineFacts.cpu(),
                        MachineFacts.openSearchHeap(admin),
                        MachineFacts.loadAverage()));
        System.out.println("growth curve drawn to " + svg.toAbsolutePath());
        long heapPeak = heapPeakBytes();
        System.out.printf(
                "bench JVM heap: peak used %,d MB of %,d MB max%n",
                heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(resultLine(all, curve, loads.get(sizes.getLast()), heapPeak));
        System.exit(0); // Lettuce and HttpClient threads are not daemons
    }

    private static Map<String, Latencies> runSize(
            int size,
            int queryCount,
            double naiveSeconds,
            boolean reload,
            Map<String, String> env,
            OpenSearchClient admin,
            Map<Integer, BenchIndex.Load> loads)
            throws Exception {
        System.out.printf("%n== %,d pages == (load %s)%n", size, MachineFacts.loadAverage());
        BenchPages pages = BenchPages.ensure(admin, size, reload);
        loads.put(size, pages.load());
        BenchCorpus corpus = pages.corpus();
        String alias = pages.alias();

        List<String> queries = KeystrokeSessions.generate(corpus, queryCount, 7);
        System.out.printf("queries: %,d keystroke queries, e.g. %s%n", queries.size(), queries.subList(0, 12));

        Map<String, String> fnEnv = new HashMap<>(env);
        fnEnv.put(MentionsConfig.PAGES_ALIAS, alias);
        fnEnv.put(MentionsConfig.CACHE_NAME, "bench-mentions-" + System.currentTimeMillis());
        fnEnv.put(Variables.Mentions.CACHE_TTL_S, "3600");
        MentionsWiring wiring = MentionsWiring.from(PulseConfig.fromEnv(fnEnv));
        MentionsHandler indexPath = MentionsWiring.handlerOver(wiring.uncachedDirectory());
        MentionsHandler cachePath = wiring.handler();
        OpenSearchClient queryClient =
                OpenSearchClients.create(PulseConfig.fromEnv(fnEnv).openSearch());
        MentionsHandler naivePath = MentionsWiring.handlerOver(new NaivePageDirectory(queryClient, alias));

        Map<String, Latencies> results = new LinkedHashMap<>();
        System.out.println("load average before measuring: " + MachineFacts.loadAverage());
        warm(indexPath, queries, queries.size()); // a full pass: JIT on both sides, before 1 and 4 clients
        phase("index (1 client)");
        results.put("index", PathRunner.run("index (1 client)", queries, 1, q -> ok(indexPath, q, null)));
        phase("index (4 clients)");
        results.put("index4", PathRunner.run("index (4 clients)", queries, 4, q -> ok(indexPath, q, null)));

        for (String q : queries) { // fill the cache; puts are asynchronous
            ok(cachePath, q, null);
        }
        Thread.sleep(1_000);
        phase("cache");
        results.put("cache", PathRunner.run("cache (1 client)", queries, 1, q -> ok(cachePath, q, "cache")));

        MentionsHandler scoringPath = MentionsWiring.handlerOver(new ScoringPageDirectory(queryClient, alias));
        warm(scoringPath, queries.subList(0, Math.min(size >= 10_000_000 ? 50 : WARMUP, queries.size())));
        phase("scoring");
        results.put(
                "scoring",
                PathRunner.runBounded("scoring (not chosen)", queries, naiveSeconds, q -> ok(scoringPath, q, null)));

        warm(naivePath, queries.subList(0, Math.min(50, queries.size())));
        phase("naive");
        results.put(
                "naive", PathRunner.runBounded("naive wildcard", queries, naiveSeconds, q -> ok(naivePath, q, null)));

        try (FstSuggester fst = new FstSuggester(corpus)) {
            System.out.printf(
                    "FST: %,d entries built in %.1f s, %.1f MB in RAM%n",
                    fst.entries, fst.buildMillis / 1e3, fst.sizeInBytes() / 1e6);
            for (String q : queries.subList(0, Math.min(WARMUP, queries.size()))) {
                fst.suggest(q, 8);
            }
            phase("fst");
            results.put("fst", PathRunner.run("lucene FST in-process", queries, 1, q -> {
                fst.suggest(q, 8);
                return true;
            }));
        }
        System.out.println("load average after measuring: " + MachineFacts.loadAverage());
        for (Latencies each : results.values()) {
            System.out.println(each.summary());
        }
        for (Latencies each : results.values()) {
            System.out.println(each.byLength());
        }
        return results;
    }

    private static void phase(String path) {
        System.out.printf("  measuring %s (load %s)%n", path, MachineFacts.loadAverage());
    }

    private static long heapPeakBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void warm(MentionsHandler handler, List<String> queries) {
        warm(handler, queries, WARMUP);
    }

    private static void warm(MentionsHandler handler, List<String> queries, int count) {
        for (int i = 0; i < Math.min(count, queries.size()); i++) {
            ok(handler, queries.get(i), null);
        }
    }

    /** One request through the handler, as API Gateway would send it; ok when 200 (and from the expected source). */
    private static boolean ok(MentionsHandler handler, String q, String expectedSource) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setQueryStringParameters(Map.of("q", q, "limit", "8"));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return response.getStatusCode() == 200
                && (expectedSource == null || response.getBody().endsWith("\"source\":\"" + expectedSource + "\"}"));
    }

    static String resultLine(
            Map<Integer, Map<String, Latencies>> all, GrowthCurve curve, BenchIndex.Load lastLoad, long heapPeak) {
        List<Integer> sizes = new ArrayList<>(all.keySet());
        int largest = sizes.getLast();
        int smallest = sizes.getFirst();
        Map<String, Latencies> r = all.get(largest);
        String growth = largest == smallest ? "n/a" : fixed(curve.growth("index", smallest, largest));
        // New fields go at the end: the growth over the size before the largest (overall and the worst prefix
        // length), and how the largest index was loaded (n/a when it was reused).
        int previous = sizes.size() > 1 ? sizes.get(sizes.size() - 2) : largest;
        boolean compared = previous != largest;
        return String.format(
                Locale.ROOT,
                "RESULT mentions pages=%d p99_index_ms=%.2f p99_cache_ms=%.2f p99_naive_ms=%.2f p99_fst_ms=%.3f"
                        + " qps_index_4c=%.0f p99_index_4c_ms=%.2f growth_p99=%s"
                        + " growth_p99_last=%s growth_p99_worst_length=%s growth_cache_last=%s growth_naive_last=%s"
                        + " load_docs_s=%s load_vs_bulk=%s index_mb=%.0f heap_peak_mb=%d",
                largest,
                r.get("index").percentileMs(99),
                r.get("cache").percentileMs(99),
                r.get("naive").percentileMs(99),
                r.get("fst").percentileMs(99),
                r.get("index4").qps(),
                r.get("index4").percentileMs(99),
                growth,
                compared ? fixed(curve.growth("index", previous, largest)) : "n/a",
                compared ? fixed(curve.worstLengthGrowth("index", previous, largest)) : "n/a",
                compared ? fixed(curve.growth("cache", previous, largest)) : "n/a",
                compared ? fixed(curve.growth("naive", previous, largest)) : "n/a",
                lastLoad.reused()
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.0f", lastLoad.docs() / (lastLoad.loadMillis() / 1e3)),
                lastLoad.reused() ? "n/a" : fixed(lastLoad.sampleDocsPerSecond() / lastLoad.ceilingDocsPerSecond()),
                lastLoad.storeBytes() / 1e6,
                heapPeak >> 20);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The local servers' endpoints, as a function's environment names them (ports from the services' variables). */
    public static Map<String, String> localEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put(Variables.Platform.PROFILE, Variables.Platform.PROFILE_LOCAL);
        env.put(Variables.Lambda.REGION, "us-east-1");
        env.put(Variables.OpenSearch.ENDPOINT, "http://127.0.0.1:" + port(LocalPort.OPENSEARCH));
        env.put(Variables.Redis.URL, "redis://127.0.0.1:" + port(LocalPort.REDIS));
        return env;
    }

    private static int port(LocalPort port) {
        String value = System.getenv(port.variable());
        return value == null || value.isBlank() ? port.defaultPort() : Integer.parseInt(value.strip());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
