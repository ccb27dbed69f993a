package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalRuntime;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.auth.DevTokens;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.local.web.WebApp;
import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The web app in a real browser against the live local platform: the built app served by the runtime's HTTP API, the
 * mentions and accounts functions on their own pages index, tables and caches, a demo account as {@code ./pulse run}
 * makes one, and its hourly snapshots as reporting writes them. {@code web/test/browser.test.mjs} (Chromium through
 * playwright-core) drives it and writes screenshots to {@code tools/target/web-screenshots}.
 */
class WebAppIT {
    private static final String ISSUER = "https://pulse.local/dev";
    private static final String AUDIENCE = "pulse-web";
    private static final int SNAPSHOTS = 12;
    private static final List<PageDocument> PAGES = List.of(
            page("9001", "New York Times", "nytimes", "Media/News Company", 5_000_000, true),
            page("9002", "The New Yorker", "newyorker", "Magazine", 1_000_000, false),
            page("9003", "New York Knicks", "nyknicks", "Sports Team", 2_400_000, true),
            page("9004", "New Yorkshire Tea", "yorkshiretea", "Food & Beverage", 12_300, false),
            page("9005", "Newcastle United", "nufc", "Sports Team", 3_100_000, true),
            page("9006", "Starbucks", "starbucks", "Coffee Shop", 35_400_000, true),
            page("9007", "Café de Flore", "cafedeflore", "Café", 48_000, false),
            page("9008", "Nintendo", "nintendo", "Games", 12_000_000, true));

    private final Path root = Path.of(System.getProperty("pulse.root", "..")).toAbsolutePath();
    private final Path target = Path.of("target").toAbsolutePath();
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String owner = Unique.name("demo-owner");
    private TestPagesIndex pages;
    private UniqueTables tables;
    private LocalFunctions functions;
    private HttpApiServer api;
    private String base;
    private String token;
    private String reportsTable;

    @BeforeEach
    void start() throws Exception {
        Path site = target.resolve("web-dist");
        run(List.of("node", root.resolve("web/build.mjs").toString(), "--out", site.toString()), Duration.ofMinutes(1));
        pages = new TestPagesIndex(PAGES);
        Topology topology = PulseTopology.define();
        tables = new UniqueTables(dynamo, topology);
        Map<String, String> overrides = new HashMap<>();
        for (FunctionSpec function : List.of(
                topology.requireFunction(PulseTopology.ACCOUNTS_FUNCTION),
                topology.requireFunction(PulseTopology.MENTIONS_FUNCTION))) {
            for (Access access : function.access()) {
                switch (access.kind()) {
                    case TABLE ->
                        overrides.computeIfAbsent(access.environmentVariable(), k -> tables.create(access.resource()));
                    case SEARCH -> overrides.put(access.environmentVariable(), pages.alias);
                    case CACHE ->
                        overrides.computeIfAbsent(
                                access.environmentVariable(), k -> Unique.name("it-web-" + access.resource()));
                    default -> {}
                }
            }
        }
        reportsTable = overrides.get(
                Access.reads(Access.Kind.TABLE, PulseTopology.REPORTS_TABLE).environmentVariable());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        token = new DevTokens(keys.getPrivate(), ISSUER, AUDIENCE)
                .issue(
                        owner,
                        null,
                        PulseTopology.ACCOUNTS_READ_SCOPE + " " + PulseTopology.ACCOUNTS_WRITE_SCOPE,
                        Instant.now(),
                        Duration.ofHours(1));
        Path demoToken = Files.writeString(Files.createTempFile(target, "demo", ".token"), token);
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("PULSE_API_PORT", "0");
        LocalSettings settings = LocalSettings.fromEnvironment(variables);
        JsonLog log = new JsonLog(System.out, false);
        functions = new LocalFunctions(topology, settings, log, overrides);
        api = new HttpApiServer(
                new RouteTable(topology.routes()),
                functions,
                Optional.of(new JwtAuthorizer(keys.getPublic(), ISSUER, AUDIENCE)),
                new HttpEventFactory(LocalSettings.ACCOUNT_ID, LocalRuntime.API_ID),
                log,
                WebApp.of(site, demoToken));
        base = "http://127.0.0.1:" + api.start(0);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (functions != null) {
            functions.close();
        }
        if (tables != null) {
            tables.close();
        }
        if (pages != null) {
            pages.close();
        }
        dynamo.close();
    }

    @Test
    void givenDemoAccount_whenDrivenInChromium_thenEveryBrowserCheckPasses() throws Exception {
        HttpResponse<String> created = send("POST", "/accounts", "{\"name\":\"Demo agency\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode account = Json.read(created.body(), JsonNode.class);
        writeHourlySnapshots(account.path("accountId").asText());
        // A page the demo account already tracks, so the list has something besides the one the browser adds.
        assertThat(send("PUT", "/accounts/me/tracked-pages/9008", null).statusCode())
                .isEqualTo(201);

        ObjectNode fixture = Json.mapper().createObjectNode();
        fixture.putObject("newYorkFirst").put("pageId", "9001").put("fansText", "5M");
        fixture.putObject("newYorkSecond").put("pageId", "9003").put("name", "New York Knicks");
        fixture.putObject("track").put("pageId", "9006").put("query", "starbu").put("fansText", "35.4M");
        fixture.put("owner", owner).put("invitee", Unique.name("web-vic"));
        fixture.put("plan", account.path("plan").asText());
        fixture.put("limit", account.path("limits").path("trackedPages").asInt());
        fixture.put("snapshots", SNAPSHOTS);
        Path shots = target.resolve("web-screenshots");
        ProcessBuilder command = new ProcessBuilder(
                        "node",
                        "--test-reporter=spec",
                        root.resolve("web/test/browser.test.mjs").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(target.resolve("web-browser-test.log").toFile());
        command.environment()
                .putAll(Map.of(
                        "PULSE_WEB_URL",
                        base,
                        "PULSE_WEB_FIXTURE",
                        fixture.toString(),
                        "PULSE_WEB_TOKEN",
                        token,
                        "PULSE_WEB_SCREENSHOTS",
                        shots.toString()));
        Process browser = command.start();
        assertThat(browser.waitFor(5, TimeUnit.MINUTES))
                .as("browser tests finish")
                .isTrue();
        String output = Files.readString(target.resolve("web-browser-test.log"));
        System.out.println(output);
        assertThat(browser.exitValue()).as(output).isZero();
        assertThat(output).contains("ℹ fail 0");
        assertThat(shots.resolve("dashboard.png")).isNotEmptyFile();
    }

    /** Twelve hours of snapshots, as reporting writes them: counts, an engagement split, top posts, fans. */
    private void writeHourlySnapshots(String accountId) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        for (int i = 1; i <= SNAPSHOTS; i++) {
            Instant start = hour.minus(Duration.ofHours(i));
            int reactions = 40 * i + 7;
            int comments = 9 * i;
            int shares = 3 * i + 1;
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("accountId", s(accountId));
            item.put("periodKey", s("hour#" + start));
            item.put("posts", n(5 + (i * 7) % 11));
            item.put(
                    "engagement",
                    AttributeValue.fromM(Map.of(
                            "total", n(reactions + comments + shares),
                            "reactions", n(reactions),
                            "comments", n(comments),
                            "shares", n(shares))));
            item.put("mentions", n(i % 4));
            item.put("fans", n(1_200_000 + 150 * (SNAPSHOTS - i)));
            item.put("fansChange", n(150 - i));
            item.put(
                    "topPosts",
                    AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                            "id", s("9008_" + i),
                            "message", s("Launch day post number " + i),
                            "pageName", s("Nintendo"),
                            "engagement", n(reactions + comments + shares))))));
            dynamo.putItem(p -> p.tableName(reportsTable).item(item));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json")
                .header("idempotency-key", Unique.name("k"))
                .header("authorization", "Bearer " + token)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void run(List<String> command, Duration timeout) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static PageDocument page(
            String id, String name, String username, String category, long fans, boolean verified) {
        return new PageDocument(id, name, username, category, fans, verified, Instant.parse("2026-11-01T00:00:00Z"));
    }
}
