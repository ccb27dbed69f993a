package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.Unique;
import dev.pulse.local.web.WebApp;
import dev.pulse.reporting.domain.AccountSnapshot;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser against the live local platform: the built app served by the runtime's HTTP API (an
 * {@link HttpApiPlatform}: the functions on their own pages index, tables and caches), a demo account as {@code ./pulse run}
 * makes one, and its hourly snapshots as reporting writes them. {@code web/test/browser.test.mjs} (Chromium through
 * playwright-core) drives it and writes screenshots to {@code tools/target/web-screenshots}.
 */
class WebAppIT {
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
    private final String owner = Unique.name("demo-owner");
    private final String cognitoUser = Unique.name("cognito-user");
    private HttpApiPlatform platform;
    private String token;
    private String cognitoToken;

    @BeforeEach
    void start() throws Exception {
        Path site = target.resolve("web-dist");
        run(List.of("node", root.resolve("web/build.mjs").toString(), "--out", site.toString()), Duration.ofMinutes(1));
        // The dev sign-in reads the demo token when the button is pressed: the file is filled once the platform runs.
        Path demoToken = Files.createTempFile(target, "demo", ".token");
        platform = new HttpApiPlatform(PAGES, WebApp.of(site, demoToken));
        token = platform.token(owner, HttpApiPlatform.READ_WRITE);
        Files.writeString(demoToken, token);
        // What the stand-in hosted UI's token endpoint hands out: an access token of the local key, as Cognito's would
        // be.
        cognitoToken = platform.token(cognitoUser, HttpApiPlatform.READ_WRITE);
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void givenDemoAccount_whenDrivenInChromium_thenEveryBrowserCheckPasses() throws Exception {
        HttpResponse<String> created = send("POST", "/accounts", "{\"name\":\"Demo agency\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode account = Json.read(created.body(), JsonNode.class);
        writeHourlySnapshots(account.path("accountId").asText());
        // The dashboard the browser will read, judged against docs/openapi.yaml's Snapshot first.
        HttpResponse<String> dashboard = send("GET", "/accounts/me/dashboards/hour", null);
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        assertThat(Json.read(dashboard.body(), JsonNode.class).path("snapshots").size())
                .isEqualTo(SNAPSHOTS);
        assertThat(OpenApiContract.load().violations("GET", "/accounts/me/dashboards/{period}", dashboard))
                .as(dashboard.body())
                .isEmpty();
        // A page the demo account already tracks, so the list has something besides the one the browser adds.
        assertThat(send("PUT", "/accounts/me/tracked-pages/9008", null).statusCode())
                .isEqualTo(201);
        // The user who signs in through the hosted UI (PKCE) owns an account of their own.
        HttpResponse<String> cognitoAccount =
                platform.send("POST", "/accounts", cognitoToken, "{\"name\":\"Hosted UI agency\"}");
        assertThat(cognitoAccount.statusCode()).as(cognitoAccount.body()).isEqualTo(201);

        ObjectNode fixture = Json.mapper().createObjectNode();
        fixture.putObject("newYorkFirst").put("pageId", "9001").put("fansText", "5M");
        fixture.putObject("newYorkSecond").put("pageId", "9003").put("name", "New York Knicks");
        fixture.putObject("track").put("pageId", "9006").put("query", "starbu").put("fansText", "35.4M");
        fixture.put("owner", owner).put("invitee", Unique.name("web-vic"));
        fixture.put("plan", account.path("plan").asText());
        fixture.put("limit", account.path("limits").path("trackedPages").asInt());
        fixture.put("snapshots", SNAPSHOTS);
        fixture.putObject("cognito")
                .put("user", cognitoUser)
                .put("account", "Hosted UI agency")
                .put("scopes", "openid " + HttpApiPlatform.READ_WRITE);
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
                        "PULSE_WEB_COGNITO_TOKEN",
                        cognitoToken,
                        "PULSE_WEB_URL",
                        platform.base(),
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
        assertThat(shots.resolve("signed-in-cognito-pkce.png")).isNotEmptyFile();
    }

    /** Twelve hours of snapshots written by reporting's store: counts, the engagement split, top posts, fans. */
    private void writeHourlySnapshots(String accountId) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<AccountSnapshot> snapshots = new ArrayList<>();
        for (int i = 1; i <= SNAPSHOTS; i++) {
            snapshots.add(ReportSnapshots.hour(
                    accountId,
                    hour.minus(Duration.ofHours(i)),
                    "9008",
                    5 + (i * 7) % 11,
                    40 * i + 7,
                    9 * i,
                    3 * i + 1,
                    i % 4,
                    1_200_000 + 150 * (SNAPSHOTS - i),
                    OptionalLong.of(150 - i)));
        }
        ReportSnapshots.write(platform, snapshots);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return platform.send(method, path, token, body);
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
