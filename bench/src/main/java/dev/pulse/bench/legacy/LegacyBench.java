package dev.pulse.bench.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulse.bench.ingest.JsonLineFilter;
import dev.pulse.bench.mentions.BenchCorpus;
import dev.pulse.bench.mentions.BenchIndex;
import dev.pulse.bench.mentions.KeystrokeSessions;
import dev.pulse.bench.mentions.Latencies;
import dev.pulse.bench.mentions.MachineFacts;
import dev.pulse.bench.mentions.PathRunner;
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
 * {@code ./pulse bench legacy}: the v1 search called directly, then through the legacy proxy behind the local API
 * emulator in {@code legacy}, {@code shadow} and {@code new} modes, over the same keystroke queries on the mentions
 * benchmark's pages index. Direct and proxied-legacy calls alternate query by query, so their difference is the
 * proxy's own cost; {@code new} against {@code legacy} is the migration's gain. One client, bounded in count and time.
 */
public final class LegacyBench {
    public static void main(String[] args) throws Exception {
        System.setOut(new PrintStream(new JsonLineFilter(new FileOutputStream(FileDescriptor.out)), true, UTF_8));
        Map<String, String> options = options(args);
        int pages = Integer.parseInt(options.getOrDefault("size", "100000").replace("_", ""));
        int queryCount = Integer.parseInt(options.getOrDefault("queries", "1500"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "60"));

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
        TableResources tables = new TableResources(dynamo, prefix);
        Map<String, String> overrides = new HashMap<>();
        for (String table : List.of(
                PulseTopology.ROUTES_TABLE, PulseTopology.ROUTE_CHANGES_TABLE, PulseTopology.ROUTE_DIFFS_TABLE)) {
            TableSpec spec = topology.tables().stream()
                    .filter(t -> t.name().equals(table))
                    .findFirst()
                    .orElseThrow();
            tables.ensure(spec);
        }
        overrides.put(LegacyProxyConfig.ROUTES_TABLE, prefix + PulseTopology.ROUTES_TABLE);
        overrides.put(LegacyProxyConfig.CHANGES_TABLE, prefix + PulseTopology.ROUTE_CHANGES_TABLE);
        overrides.put(LegacyProxyConfig.DIFFS_TABLE, prefix + PulseTopology.ROUTE_DIFFS_TABLE);
        overrides.put(MentionsConfig.PAGES_ALIAS, alias);
        overrides.put(MentionsConfig.CACHE_NAME, prefix + PulseTopology.MENTIONS_CACHE);
        DynamoRouteModes modes = new DynamoRouteModes(
                dynamo, prefix + PulseTopology.ROUTES_TABLE, prefix + PulseTopology.ROUTE_CHANGES_TABLE);

        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), false);
        LocalSettings settings = LocalSettings.fromEnvironment(Map.of("PULSE_API_PORT", "0"));
        List<AutoCloseable> running = new ArrayList<>();
        try (V1Server v1 = new V1Server(V1Command.over(config, dynamo, alias, V1Command.Tables.TOPOLOGY))) {
            v1.start(0);
            String newApi = serve(topology, settings, quiet, overrides, running); // mentions, as the new service
            overrides.put(Variables.Legacy.BASE_URL, v1.baseUrl());
            overrides.put(Variables.Legacy.NEW_BASE_URL, newApi);
            String proxy = serve(topology, settings, quiet, overrides, running);
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            set(modes, Mode.LEGACY);
            warm(http, v1.baseUrl() + "/api/v1/pages/search", queries);
            warm(http, proxy + "/legacy/api/v1/pages/search", queries);
            System.out.println("load average before measuring: " + MachineFacts.loadAverage());
            List<Latencies> paired = paired(http, v1.baseUrl(), proxy, queries, seconds);
            Latencies direct = paired.get(0);
            Latencies viaLegacy = paired.get(1);

            set(modes, Mode.SHADOW);
            warm(http, proxy + "/legacy/api/v1/pages/search", queries);
            Latencies viaShadow = PathRunner.runBounded(
                    "proxy shadow",
                    queries,
                    seconds,
                    q -> ok(http, proxy + "/legacy/api/v1/pages/search", q, "legacy"));

            set(modes, Mode.NEW);
            warm(http, proxy + "/legacy/api/v1/pages/search", queries);
            Latencies viaNew = PathRunner.runBounded(
                    "proxy new", queries, seconds, q -> ok(http, proxy + "/legacy/api/v1/pages/search", q, "new"));
            System.out.println("load average after measuring: " + MachineFacts.loadAverage());
            for (Latencies each : List.of(direct, viaLegacy, viaShadow, viaNew)) {
                System.out.println(each.summary());
            }
            double d = direct.percentileMs(99);
            double l = viaLegacy.percentileMs(99);
            double s = viaShadow.percentileMs(99);
            double n = viaNew.percentileMs(99);
            System.out.printf(
                    Locale.ROOT,
                    "added p99 in legacy mode: %.2f ms (target <= 3); shadow / legacy: %.2fx (target <= 1.2)%n",
                    l - d,
                    s / l);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT legacy p99_direct_ms=%.2f p99_proxy_legacy_ms=%.2f p99_proxy_shadow_ms=%.2f p99_new_ms=%.2f"
                            + " speedup_new=%.1f%n",
                    d,
                    l,
                    s,
                    n,
                    l / n);
        } finally {
            for (AutoCloseable each : running.reversed()) {
                each.close();
            }
            for (String table : List.of(
                    PulseTopology.ROUTES_TABLE, PulseTopology.ROUTE_CHANGES_TABLE, PulseTopology.ROUTE_DIFFS_TABLE)) {
                dynamo.deleteTable(t -> t.tableName(prefix + table));
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

    /** Sets the route's mode and waits out the proxy's 5 s mode cache. */
    private static void set(DynamoRouteModes modes, Mode mode) throws InterruptedException {
        Mode from = modes.mode(LegacyRoutes.PAGES_SEARCH);
        modes.change(LegacyRoutes.PAGES_SEARCH, from, mode, "bench", "bench legacy", Instant.now());
        Thread.sleep(5_500);
    }

    private static void warm(HttpClient http, String url, List<String> queries) {
        for (String q : queries.subList(0, Math.min(100, queries.size()))) {
            ok(http, url, q, null);
        }
    }

    /** Direct and proxied calls alternating per query (which goes first alternates too), so both see the same load. */
    private static List<Latencies> paired(
            HttpClient http, String v1, String proxy, List<String> queries, double seconds) {
        List<Long> direct = new ArrayList<>();
        List<Long> proxied = new ArrayList<>();
        int errors = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int i = 0; i < queries.size() && System.nanoTime() < deadline; i++) {
            String q = queries.get(i);
            for (int side = 0; side < 2; side++) {
                boolean first = (side == 0) == (i % 2 == 0);
                long t0 = System.nanoTime();
                boolean ok = first
                        ? ok(http, v1 + "/api/v1/pages/search", q, null)
                        : ok(http, proxy + "/legacy/api/v1/pages/search", q, "legacy");
                (first ? direct : proxied).add(System.nanoTime() - t0);
                errors += ok ? 0 : 1;
            }
        }
        long wall = System.nanoTime() - start;
        return List.of(latencies("direct v1", direct, wall, errors), latencies("proxy legacy", proxied, wall, 0));
    }

    private static Latencies latencies(String name, List<Long> nanos, long wall, int errors) {
        return new Latencies(
                name, nanos.stream().mapToLong(Long::longValue).toArray(), new int[nanos.size()], wall, errors);
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
                System.err.println("usage: bench legacy [--size 100000] [--queries 1500] [--seconds 60]");
                System.exit(2);
            }
        }
        return options;
    }
}
