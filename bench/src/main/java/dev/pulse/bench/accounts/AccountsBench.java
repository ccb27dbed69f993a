package dev.pulse.bench.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulse.accounts.AccountsConfig;
import dev.pulse.accounts.AccountsWiring;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Plan;
import dev.pulse.bench.PhaseIndices;
import dev.pulse.bench.ingest.JsonLineFilter;
import dev.pulse.bench.mentions.Latencies;
import dev.pulse.bench.mentions.MachineFacts;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalRuntime;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.auth.DevTokens;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.bootstrap.TableResources;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./pulse bench accounts [--me-requests N] [--writers N] [--writes-per-writer N] [tracked-lookup flags]}: the
 * accounts function through the local HTTP API (the API emulator and its JWT authorizer, in this process) on tables
 * and an index of its own, in one run:
 *
 * <ol>
 *   <li>{@code GET /accounts/me} with a warm cache and with the cache switched off ({@code PULSE_ACCOUNTS_CACHE=off}:
 *       every read from DynamoDB), in alternating blocks, one client, so the two see the same machine;
 *   <li>tracked-page writes per second ({@code PUT /accounts/me/tracked-pages/{id}}, each a new page: account-pages
 *       row, the tracked-pages set, the evictions), from concurrent writers each in an account of its own;
 *   <li>ingest's handler-only posts/s with 1,000,000 tracked pages in DynamoDB against the same set in memory
 *       ({@link TrackedLookupPhase}).
 * </ol>
 *
 * Prints figures; asserts nothing. The last line is {@code RESULT accounts p99_me_cached_ms=… p99_me_uncached_ms=…
 * writes_per_s=… ingest_ratio_1m_tracked=…}.
 */
public final class AccountsBench {
    private static final String ISSUER = "https://pulse.local/bench";
    private static final String AUDIENCE = "pulse-bench";
    private static final String SCOPES = PulseTopology.ACCOUNTS_READ_SCOPE + " " + PulseTopology.ACCOUNTS_WRITE_SCOPE;
    private static final int BLOCKS = 10;
    private static final long FIRST_PAGE = 900_000_000_000L;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> options;
    private final String id = "bench-acc-" + UUID.randomUUID().toString().substring(0, 8);
    private DevTokens tokens;

    private AccountsBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setOut(new PrintStream(new JsonLineFilter(new FileOutputStream(FileDescriptor.out)), true, UTF_8));
        Map<String, String> options = new HashMap<>(Map.of(
                "--me-requests", "5000",
                "--writers", "8",
                "--writes-per-writer", "500",
                "--tracked", "1000000",
                "--warmup-posts", "100000",
                "--posts", "400000",
                "--pages", "200000",
                "--rounds", "2"));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                usage("unknown flag or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        options.keySet().forEach(flag -> number(options, flag));
        new AccountsBench(options).run();
    }

    private void run() throws Exception {
        System.out.println("== accounts through the local HTTP API ==");
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s; load %s; java %s%n",
                Runtime.getRuntime().availableProcessors(),
                MachineFacts.cpuModel(),
                MachineFacts.loadAverage(),
                System.getProperty("java.version"));
        Map<String, String> process = LocalProfile.environment(System.getenv());
        PulseConfig pulse = PulseConfig.fromEnv(process);
        Topology topology = PulseTopology.define();
        FunctionSpec accounts = topology.requireFunction(PulseTopology.ACCOUNTS_FUNCTION);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        tokens = new DevTokens(keys.getPrivate(), ISSUER, AUDIENCE);
        int writers = number(options, "--writers");
        int perWriter = number(options, "--writes-per-writer");

        double cachedP99;
        double uncachedP99;
        double writesPerSecond;
        try (DynamoDbClient dynamo = new AwsClients(pulse).dynamoDb();
                PhaseIndices index =
                        new PhaseIndices(pulse.openSearch().endpoint().toString(), id)) {
            Map<String, String> overrides = resources(topology, accounts, dynamo, index);
            seedPages(index, writers * perWriter);
            JsonLog log = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), false);
            Map<String, String> uncachedOverrides = new HashMap<>(overrides);
            uncachedOverrides.put(AccountsConfig.CACHE_SWITCH, "off");
            try (Api cached = new Api(topology, overrides, keys, log);
                    Api uncached = new Api(topology, uncachedOverrides, keys, log)) {
                String owner = "bench-owner";
                send(cached.base, "POST", "/accounts", owner, "{\"name\":\"Bench\"}");
                int requests = number(options, "--me-requests");
                double[] p99s = meLatencies(cached, uncached, owner, requests);
                cachedP99 = p99s[0];
                uncachedP99 = p99s[1];

                AccountsWiring admin = AccountsWiring.from(PulseConfig.fromEnv(environment(accounts, overrides)));
                List<String> users = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String user = "bench-writer-" + w;
                    HttpResponse<String> created = send(cached.base, "POST", "/accounts", user, "{\"name\":\"W\"}");
                    String accountId = Json.mapper()
                            .readTree(created.body())
                            .path("accountId")
                            .asText();
                    admin.accounts().changePlan(new AccountId(accountId), Plan.AGENCY);
                    users.add(user);
                }
                writesPerSecond = writes(cached, users, perWriter);
            }
            for (TableSpec table : topology.tables()) {
                if (overrides.containsValue(id + "-" + table.name())) {
                    dynamo.deleteTable(d -> d.tableName(id + "-" + table.name()));
                }
            }
        }

        TrackedLookupPhase.Figures ingest = new TrackedLookupPhase(new TrackedLookupPhase.Settings(
                        number(options, "--tracked"),
                        number(options, "--warmup-posts"),
                        number(options, "--posts"),
                        number(options, "--pages"),
                        2,
                        100,
                        number(options, "--rounds"),
                        42))
                .run();
        System.out.printf(
                Locale.ROOT,
                "ingest: steady %,.0f posts/s in memory, %,.0f posts/s from DynamoDB (ratio %.2f); cold %,.0f vs"
                        + " %,.0f (ratio %.2f)%n",
                ingest.inMemory(),
                ingest.dynamo(),
                ingest.ratio(),
                ingest.coldInMemory(),
                ingest.coldDynamo(),
                ingest.coldRatio());
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT accounts p99_me_cached_ms=%.2f p99_me_uncached_ms=%.2f writes_per_s=%.0f"
                        + " ingest_ratio_1m_tracked=%.2f",
                cachedP99,
                uncachedP99,
                writesPerSecond,
                ingest.ratio()));
    }

    /** The function's tables (created empty, named after this run), its pages index and its cache namespace. */
    private Map<String, String> resources(
            Topology topology, FunctionSpec accounts, DynamoDbClient dynamo, PhaseIndices index) {
        TableResources tables = new TableResources(dynamo, id + "-");
        Map<String, String> overrides = new HashMap<>();
        for (Access access : accounts.access()) {
            switch (access.kind()) {
                case TABLE -> {
                    TableSpec spec = topology.tables().stream()
                            .filter(t -> t.name().equals(access.resource()))
                            .findFirst()
                            .orElseThrow();
                    tables.ensure(spec);
                    overrides.put(access.environmentVariable(), id + "-" + spec.name());
                }
                case SEARCH -> overrides.put(access.environmentVariable(), index.pages());
                case CACHE -> overrides.put(access.environmentVariable(), id);
                default -> {}
            }
        }
        return overrides;
    }

    private static Map<String, String> environment(FunctionSpec accounts, Map<String, String> overrides) {
        Map<String, String> env = LocalFunctions.environment(accounts, LocalSettings.fromEnvironment(System.getenv()));
        env.putAll(overrides);
        return env;
    }

    private static void seedPages(PhaseIndices index, int count) {
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String pageId = Long.toString(FIRST_PAGE + i);
            bulk.append("{\"index\":{\"_index\":\"")
                    .append(index.pages())
                    .append("\",\"_id\":\"")
                    .append(pageId)
                    .append("\"}}\n")
                    .append(Json.write(Map.of("pageId", pageId, "name", "Bench page " + i, "fans", 1000L + i)))
                    .append('\n');
            if ((i + 1) % 2000 == 0 || i == count - 1) {
                index.bulk(bulk.toString());
                bulk.setLength(0);
            }
        }
        System.out.printf("seeded %,d pages into %s%n", count, index.pages());
    }

    /** p99 of GET /accounts/me, cached and uncached, over alternating blocks after a warm-up of each. */
    private double[] meLatencies(Api cached, Api uncached, String owner, int requests) throws Exception {
        String token = token(owner);
        int perBlock = Math.max(1, requests / BLOCKS);
        for (Api api : List.of(cached, uncached)) {
            timedGets(api, token, Math.min(500, requests)); // JIT, connections, the cache fill
        }
        long[] cachedNanos = new long[perBlock * BLOCKS];
        long[] uncachedNanos = new long[perBlock * BLOCKS];
        long cachedWall = 0;
        long uncachedWall = 0;
        int[] errors = new int[2];
        for (int block = 0; block < BLOCKS; block++) {
            boolean cachedFirst = block % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean isCached = (turn == 0) == cachedFirst;
                long started = System.nanoTime();
                Timed timed = timedGets(isCached ? cached : uncached, token, perBlock);
                long wall = System.nanoTime() - started;
                System.arraycopy(timed.nanos, 0, isCached ? cachedNanos : uncachedNanos, block * perBlock, perBlock);
                errors[isCached ? 0 : 1] += timed.errors;
                if (isCached) {
                    cachedWall += wall;
                } else {
                    uncachedWall += wall;
                }
            }
        }
        Latencies warm = new Latencies("me cached", cachedNanos, new int[cachedNanos.length], cachedWall, errors[0]);
        Latencies cold =
                new Latencies("me uncached", uncachedNanos, new int[uncachedNanos.length], uncachedWall, errors[1]);
        System.out.println(warm.summary());
        System.out.println(cold.summary());
        System.out.printf("GET /accounts/me done; load %s%n", MachineFacts.loadAverage());
        return new double[] {warm.percentileMs(99), cold.percentileMs(99)};
    }

    private record Timed(long[] nanos, int errors) {}

    private Timed timedGets(Api api, String token, int count) throws Exception {
        long[] nanos = new long[count];
        int errors = 0;
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base + "/accounts/me"))
                .header("authorization", "Bearer " + token)
                .GET()
                .build();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                errors++;
            }
        }
        return new Timed(nanos, errors);
    }

    /** Each writer tracks its own new pages, concurrently; returns successful writes per second. */
    private double writes(Api api, List<String> users, int perWriter) throws Exception {
        long started = System.nanoTime();
        int[] created = new int[users.size()];
        int[] failed = new int[users.size()];
        try (ExecutorService pool = Executors.newFixedThreadPool(users.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < users.size(); w++) {
                int writer = w;
                String token = token(users.get(w));
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        long page = FIRST_PAGE + (long) writer * perWriter + i;
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(URI.create(api.base + "/accounts/me/tracked-pages/" + page))
                                        .header("authorization", "Bearer " + token)
                                        .PUT(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            created[writer]++;
                        } else {
                            failed[writer]++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int ok = Arrays.stream(created).sum();
        int bad = Arrays.stream(failed).sum();
        double perSecond = ok / seconds;
        System.out.printf(
                Locale.ROOT,
                "tracked-page writes: %,d created (%d failed) by %d writers in %.1f s = %,.0f writes/s; load %s%n",
                ok,
                bad,
                users.size(),
                seconds,
                perSecond,
                MachineFacts.loadAverage());
        return perSecond;
    }

    private HttpResponse<String> send(String base, String method, String path, String user, String body)
            throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("authorization", "Bearer " + token(user))
                        .header("content-type", "application/json")
                        .header("idempotency-key", id + "-" + user)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private String token(String user) {
        return tokens.issue(user, null, SCOPES, Instant.now(), Duration.ofHours(2));
    }

    /** The accounts function behind the API emulator and the authorizer, on a port of its own. */
    private static final class Api implements AutoCloseable {
        final LocalFunctions functions;
        final HttpApiServer server;
        final String base;

        Api(Topology topology, Map<String, String> overrides, KeyPair keys, JsonLog log) throws Exception {
            Map<String, String> variables = new HashMap<>(System.getenv());
            variables.put("PULSE_API_PORT", "0");
            functions = new LocalFunctions(topology, LocalSettings.fromEnvironment(variables), log, overrides);
            server = new HttpApiServer(
                    new RouteTable(topology.routes()),
                    functions,
                    Optional.of(new JwtAuthorizer(keys.getPublic(), ISSUER, AUDIENCE)),
                    new HttpEventFactory(LocalSettings.ACCOUNT_ID, LocalRuntime.API_ID),
                    log);
            base = "http://127.0.0.1:" + server.start(0);
        }

        @Override
        public void close() {
            server.close();
            functions.close();
        }
    }

    private static int number(Map<String, String> options, String flag) {
        String text = options.get(flag);
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(flag + " takes a positive whole number, was " + text);
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("bench accounts: " + problem);
        System.err.println("usage: ./pulse bench accounts [--me-requests N] [--writers N] [--writes-per-writer N]"
                + " [--tracked N] [--warmup-posts N] [--posts N] [--pages N] [--rounds N]");
        System.exit(2);
    }
}
