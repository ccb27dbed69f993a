package dev.pulse.bench.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulse.bench.ingest.JsonLineFilter;
import dev.pulse.bench.mentions.BenchCorpus;
import dev.pulse.bench.mentions.BenchIndex;
import dev.pulse.bench.mentions.KeystrokeSessions;
import dev.pulse.bench.mentions.Latencies;
import dev.pulse.bench.mentions.MachineFacts;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.Variables;
import dev.pulse.legacy.LegacyProxyConfig;
import dev.pulse.legacy.adapter.dynamodb.DynamoRouteModes;
import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.Mode;
import dev.pulse.local.LocalRuntime;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.bootstrap.TableResources;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.mentions.MentionsConfig;
import dev.pulse.tools.legacy.V1Command;
import dev.pulse.tools.legacy.V1Server;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./pulse bench legacy}: the v1 search called directly and through three legacy proxies behind the local API
 * emulator, in {@code legacy}, {@code shadow} and {@code new} modes (each reads its own routes table), interleaved
 * query by query in one process so that all four see the same noise of a shared machine. Per query, proxy minus
 * direct is the proxy's added latency (paired, so the naive query's own variance largely cancels); {@code new}
 * against {@code legacy} is the migration's gain. One client, bounded in count and time.
 */
public final class LegacyBench {
    private static final List<String> ROUTE_TABLES =
            List.of(PulseTopology.ROUTES_TABLE, PulseTopology.ROUTE_CHANGES_TABLE, PulseTopology.ROUTE_DIFFS_TABLE);
    private static final String SEARCH_PATH = PulseTopology.LEGACY_PATH + "/api/v1/pages/search";

    public static void main(String[] args) throws Exception {
        System.setOut(new PrintStream(new JsonLineFilter(new FileOutputStream(FileDescriptor.out)), true, UTF_8));
        Map<String, String> options = options(args);
        int pages = Integer.parseInt(options.getOrDefault("size", "100000").replace("_", ""));
        int queryCount = Integer.parseInt(options.getOrDefault("queries", "1500"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "60"));
        // A pause after every call, so that one call's work off the request path (the shadow's legacy and new calls,
        // the sampled comparison in new) is over before the next call of the rotation is timed.
        long settleMs = Long.parseLong(options.getOrDefault("settle-ms", "25"));

        Map<String, String> env = new HashMap<>(LocalProfile.environment(System.getenv()));
        env.put(Variables.OpenSearch.TIMEOUT_MS, "900000");
        PulseConfig config = PulseConfig.fromEnv(env);
        OpenSearchClient admin = OpenSearchClients.create(config.openSearch());
        System.out.printf(
                "machine: %s, %d cores%n",
                MachineFacts.cpuModel(), Runtime.getRuntime().availableProcessors());
        BenchCorpus corpus = new BenchCorpus(pages, 42);
        String alias = "bench-pages-" + pages;
        BenchIndex.Load load = BenchIndex.ensure(admin, alias, corpus, false);
        System.out.printf(
                "pages index %s: %,d docs (%s)%n", load.index(), load.docs(), load.reused() ? "reused" : "loaded");
        List<String> queries = KeystrokeSessions.generate(corpus, queryCount, 7);

        String prefix = "bench-legacy-" + System.currentTimeMillis() + "-";
        DynamoDbClient dynamo = new AwsClients(config).dynamoDb();
        Topology topology = PulseTopology.define();
        // Each proxy reads its mode from a routes table of its own, so the three modes are served side by side.
        List<String> proxyNames = List.of("legacy-", "shadow-", "new-");
        for (String proxyName : proxyNames) {
            for (String table : ROUTE_TABLES) {
                TableSpec spec = topology.tables().stream()
                        .filter(t -> t.name().equals(table))
                        .findFirst()
                        .orElseThrow();
                new TableResources(dynamo, prefix + proxyName).ensure(spec);
            }
        }
        Map<String, String> overrides = new HashMap<>();
        overrides.put(MentionsConfig.PAGES_ALIAS, alias);
        overrides.put(MentionsConfig.CACHE_NAME, prefix + PulseTopology.MENTIONS_CACHE);

        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), false);
        LocalSettings settings = LocalSettings.fromEnvironment(Map.of("PULSE_API_PORT", "0"));
        List<AutoCloseable> running = new ArrayList<>();
        try (V1Server v1 = new V1Server(V1Command.over(config, dynamo, alias, V1Command.Tables.TOPOLOGY))) {
            v1.start(0);
            String newApi = serve(topology, settings, quiet, overrides, running); // mentions, as the new service
            overrides.put(Variables.Legacy.BASE_URL, v1.baseUrl());
            overrides.put(Variables.Legacy.NEW_BASE_URL, newApi);
            Map<String, String> proxies = new HashMap<>();
            Map<String, Mode> modeOf = Map.of("legacy-", Mode.LEGACY, "shadow-", Mode.SHADOW, "new-", Mode.NEW);
            for (String proxyName : proxyNames) {
                Map<String, String> own = new HashMap<>(overrides);
                own.put(LegacyProxyConfig.ROUTES_TABLE, prefix + proxyName + PulseTopology.ROUTES_TABLE);
                own.put(LegacyProxyConfig.CHANGES_TABLE, prefix + proxyName + PulseTopology.ROUTE_CHANGES_TABLE);
                own.put(LegacyProxyConfig.DIFFS_TABLE, prefix + proxyName + PulseTopology.ROUTE_DIFFS_TABLE);
                DynamoRouteModes modes = new DynamoRouteModes(
                        dynamo,
                        prefix + proxyName + PulseTopology.ROUTES_TABLE,
                        prefix + proxyName + PulseTopology.ROUTE_CHANGES_TABLE);
                modes.change(
                        LegacyRoutes.PAGES_SEARCH,
                        Mode.LEGACY,
                        modeOf.get(proxyName),
                        "bench",
                        "bench legacy",
                        Instant.now());
                proxies.put(proxyName, serve(topology, settings, quiet, own, running) + SEARCH_PATH);
            }
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            List<Path> paths = List.of(
                    new Path("direct v1", v1.baseUrl() + "/api/v1/pages/search", null),
                    new Path("proxy legacy", proxies.get("legacy-"), "legacy"),
                    new Path("proxy shadow", proxies.get("shadow-"), "legacy"),
                    new Path("proxy new", proxies.get("new-"), "new"));
            for (Path path : paths) {
                warm(http, path.url(), queries);
            }
            System.out.println("load average before measuring: " + MachineFacts.loadAverage());
            long[][] nanos = interleaved(http, paths, queries, seconds, settleMs);
            System.out.println("load average after measuring: " + MachineFacts.loadAverage());
            List<Latencies> each = new ArrayList<>();
            for (int p = 0; p < paths.size(); p++) {
                each.add(latencies(paths.get(p).name(), nanos[p], nanos[paths.size()]));
            }
            each.forEach(l -> System.out.println(l.summary()));
            Latencies addedLegacy = added("added, legacy - direct", nanos[1], nanos[0]);
            Latencies addedShadow = added("added, shadow - direct", nanos[2], nanos[0]);
            System.out.printf(
                    Locale.ROOT,
                    "paired added latency (per query, proxy minus direct, n=%d): legacy p50 %.2f p99 %.2f ms;"
                            + " shadow p50 %.2f p99 %.2f ms%n",
                    nanos[0].length,
                    addedLegacy.percentileMs(50),
                    addedLegacy.percentileMs(99),
                    addedShadow.percentileMs(50),
                    addedShadow.percentileMs(99));
            double d = each.get(0).percentileMs(99);
            double l = each.get(1).percentileMs(99);
            double s = each.get(2).percentileMs(99);
            double n = each.get(3).percentileMs(99);
            System.out.printf(
                    Locale.ROOT,
                    "added p99 in legacy mode (paired): %.2f ms (target <= 3); shadow / legacy p99: %.2fx (target <="
                            + " 1.2)%n",
                    addedLegacy.percentileMs(99),
                    s / l);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT legacy p99_direct_ms=%.2f p99_proxy_legacy_ms=%.2f p99_proxy_shadow_ms=%.2f p99_new_ms=%.2f"
                            + " speedup_new=%.1f pairs=%d added_p99_legacy_ms=%.2f added_p99_shadow_ms=%.2f"
                            + " added_p50_legacy_ms=%.2f added_p50_shadow_ms=%.2f shadow_over_legacy_p99=%.2f%n",
                    d,
                    l,
                    s,
                    n,
                    l / n,
                    nanos[0].length,
                    addedLegacy.percentileMs(99),
                    addedShadow.percentileMs(99),
                    addedLegacy.percentileMs(50),
                    addedShadow.percentileMs(50),
                    s / l);
        } finally {
            for (AutoCloseable each : running.reversed()) {
                each.close();
            }
            for (String proxyName : proxyNames) {
                for (String table : ROUTE_TABLES) {
                    dynamo.deleteTable(t -> t.tableName(prefix + proxyName + table));
                }
            }
        }
        System.exit(0); // HTTP client and Lettuce threads are not daemons
    }

    private static String serve(
            Topology topology,
            LocalSettings settings,
            JsonLog quiet,
            Map<String, String> overrides,
            List<AutoCloseable> running)
            throws Exception {
        LocalFunctions functions = new LocalFunctions(topology, settings, quiet, overrides);
        running.add(functions);
        HttpApiServer server = new HttpApiServer(
                new RouteTable(topology.routes()),
                functions,
                Optional.empty(),
                new HttpEventFactory(settings.accountId(), LocalRuntime.API_ID),
                quiet);
        running.add(server);
        return "http://127.0.0.1:" + server.start(0);
    }

    private static void warm(HttpClient http, String url, List<String> queries) {
        for (String q : queries.subList(0, Math.min(100, queries.size()))) {
            ok(http, url, q, null);
        }
    }

    /** One measured path: its name, its URL, and the backend its answers must name (null: not asked). */
    record Path(String name, String url, String backend) {}

    /**
     * Every query goes to every path, one after the other, the order rotating per query, so that all paths see the
     * same queries at the same moment and the same share of first (colder) calls. Returns each path's latencies in
     * query order (so index i of two paths is a pair), then one more row: {wall nanos, errors}.
     */
    private static long[][] interleaved(
            HttpClient http, List<Path> paths, List<String> queries, double seconds, long settleMs) {
        int k = paths.size();
        List<long[]> rows = new ArrayList<>();
        int errors = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int i = 0; i < queries.size() && System.nanoTime() < deadline; i++) {
            String q = queries.get(i);
            long[] row = new long[k];
            for (int j = 0; j < k; j++) {
                int p = (i + j) % k;
                long t0 = System.nanoTime();
                boolean ok = ok(http, paths.get(p).url(), q, paths.get(p).backend());
                row[p] = System.nanoTime() - t0;
                errors += ok ? 0 : 1;
                settle(settleMs);
            }
            rows.add(row);
        }
        long[][] out = new long[k + 1][];
        for (int p = 0; p < k; p++) {
            int col = p;
            out[p] = rows.stream().mapToLong(r -> r[col]).toArray();
        }
        out[k] = new long[] {System.nanoTime() - start, errors};
        return out;
    }

    private static void settle(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Latencies latencies(String name, long[] nanos, long[] wallAndErrors) {
        return new Latencies(name, nanos, new int[nanos.length], wallAndErrors[0], (int) wallAndErrors[1]);
    }

    /** Per pair, {@code proxied - direct} (may be negative), as latencies so that its percentiles read the same way. */
    private static Latencies added(String name, long[] proxied, long[] direct) {
        long[] diff = new long[direct.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = proxied[i] - direct[i];
        }
        return new Latencies(name, diff, new int[diff.length], 1, 0);
    }

    private static boolean ok(HttpClient http, String url, String q, String backend) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    url + "?term=" + URLEncoder.encode(q, UTF_8).replace("+", "%20") + "&count=8"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200
                    && (backend == null
                            || backend.equals(
                                    r.headers().firstValue("x-pulse-backend").orElse("")));
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                System.err.println(
                        "usage: bench legacy [--size 100000] [--queries 1500] [--seconds 60] [--settle-ms 25]");
                System.exit(2);
            }
        }
        return options;
    }
}
