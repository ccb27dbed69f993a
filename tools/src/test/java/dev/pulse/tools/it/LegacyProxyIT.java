package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.legacy.adapter.dynamodb.DynamoDiffSamples;
import dev.pulse.legacy.adapter.dynamodb.DynamoRouteModes;
import dev.pulse.legacy.application.DiffSamples;
import dev.pulse.legacy.application.ProxyService;
import dev.pulse.legacy.application.RollbackGuard;
import dev.pulse.legacy.application.RouteModes;
import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.Mode;
import dev.pulse.mentions.application.ContractPages;
import dev.pulse.tools.legacy.V1Command;
import dev.pulse.tools.legacy.V1Server;
import dev.pulse.tools.routes.RoutesCommand;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The legacy proxy behind the local API emulator, between the real v1 stand-in and Pulse's real functions, on tables
 * and a pages index of its own: the flip under load, shadow differences, rollback, fallback and hygiene. Faults come
 * from {@link StubServer}s standing in for one backend.
 */
class LegacyProxyIT {
    static final String SEARCH = "/legacy/api/v1/pages/search";
    private static HttpApiPlatform platform;
    private static V1Server v1;
    private static RouteModes modes;
    private static DiffSamples diffs;

    @BeforeAll
    static void start() throws Exception {
        platform = new HttpApiPlatform(ContractPages.documents());
        v1 = new V1Server(V1Command.over(
                LocalPlatform.config(),
                platform.dynamo,
                platform.pagesAlias(),
                new V1Command.Tables(
                        platform.table(PulseTopology.ACCOUNTS_TABLE),
                        platform.table(PulseTopology.MEMBERS_TABLE),
                        platform.table(PulseTopology.MEMBERSHIPS_TABLE),
                        platform.table(PulseTopology.REPORTS_TABLE))));
        v1.start(0);
        modes = new DynamoRouteModes(
                platform.dynamo,
                platform.table(PulseTopology.ROUTES_TABLE),
                platform.table(PulseTopology.ROUTE_CHANGES_TABLE));
        diffs = new DynamoDiffSamples(platform.dynamo, platform.table(PulseTopology.ROUTE_DIFFS_TABLE));
    }

    @AfterAll
    static void stop() {
        if (v1 != null) {
            v1.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** An emulator whose proxy calls the stand-in and the platform's own API, with {@code replaced} on top. */
    static String proxy(Map<String, String> replaced) {
        Map<String, String> variables = new HashMap<>();
        variables.put(Variables.Legacy.BASE_URL, v1.baseUrl());
        variables.put(Variables.Legacy.NEW_BASE_URL, platform.base());
        variables.put(Variables.Legacy.MODES_TTL_MS, "100");
        variables.put(Variables.Legacy.ROLLBACK_MIN_CALLS, "100000");
        variables.put(Variables.Legacy.ROLLBACK_MIN_COMPARISONS, "100000");
        variables.putAll(replaced);
        return platform.serve(variables);
    }

    static void set(String route, Mode to) {
        assertThat(modes.change(route, modes.mode(route), to, "it", "test step", Instant.now()))
                .isTrue();
    }

    static HttpResponse<String> get(String base, String pathAndQuery, Map<String, String> headers) {
        return platform.send(base, "GET", pathAndQuery, headers, null);
    }

    static String backend(HttpResponse<String> response) {
        return response.headers().firstValue(ProxyService.BACKEND_HEADER).orElse("none");
    }

    /** One answer under load: the mode and backend the proxy reported, the caller, the status, contract breaks. */
    record Result(String mode, String user, String backend, int status, List<String> violations) {}

    @Test
    void givenRunningLoad_whenFlippedLegacyShadowCanary10Canary50NewLegacy_thenNoFailure_noContractBreak_sticky()
            throws Exception {
        String proxy = proxy(Map.of());
        set(LegacyRoutes.PAGES_SEARCH, Mode.LEGACY);
        List<String> users =
                IntStream.range(0, 40).mapToObj(i -> "flip-user-" + i).toList();
        List<String> terms = List.of("new", "jurgen", "cafe", "nike", "star");
        List<Result> results = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        int maxRequests = 4_000;
        try (ExecutorService load = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                load.execute(() -> {
                    int n;
                    while (!stop.get() && (n = sent.getAndIncrement()) < maxRequests) {
                        String user = users.get((n * 7) % users.size());
                        HttpResponse<String> r = get(
                                proxy,
                                SEARCH + "?term=" + terms.get(n % terms.size()) + "&count=5",
                                Map.of("x-v1-user", user));
                        Result result = new Result(
                                r.headers().firstValue(ProxyService.MODE_HEADER).orElse("none"),
                                user,
                                backend(r),
                                r.statusCode(),
                                V1Contract.searchViolations(r.statusCode(), r.body()));
                        synchronized (results) {
                            results.add(result);
                        }
                    }
                });
            }
            for (Mode step :
                    List.of(Mode.LEGACY, Mode.SHADOW, Mode.canary(10), Mode.canary(50), Mode.NEW, Mode.LEGACY)) {
                if (!modes.mode(LegacyRoutes.PAGES_SEARCH).equals(step)) {
                    set(LegacyRoutes.PAGES_SEARCH, step);
                }
                int from;
                synchronized (results) {
                    from = results.size();
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    synchronized (results) {
                        return results.subList(from, results.size()).stream()
                                        .filter(r -> r.mode().equals(step.wire()))
                                        .count()
                                >= 80;
                    }
                });
            }
            stop.set(true);
        }

        assertThat(results)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(results.stream().flatMap(r -> r.violations().stream())).isEmpty();
        Map<String, Set<String>> backendsPerUserAndMode = results.stream()
                .collect(Collectors.groupingBy(
                        r -> r.mode() + " " + r.user(), Collectors.mapping(Result::backend, Collectors.toSet())));
        assertThat(backendsPerUserAndMode)
                .allSatisfy((key, backends) -> assertThat(backends).as(key).hasSize(1));
        assertThat(backendsOf(results, "new")).containsExactly("new");
        assertThat(backendsOf(results, "legacy")).containsExactly("legacy");
        assertThat(backendsOf(results, "shadow")).containsExactly("legacy");
        assertThat(backendsOf(results, "canary:50")).containsExactlyInAnyOrder("legacy", "new");
        assertThat(results.size()).isLessThanOrEqualTo(maxRequests);
    }

    private static Set<String> backendsOf(List<Result> results, String mode) {
        return results.stream()
                .filter(r -> r.mode().equals(mode))
                .map(Result::backend)
                .collect(Collectors.toSet());
    }

    @Test
    void givenAccountAndReportsInNewMode_thenTheSameV1AnswersAsLegacy_butStamps() {
        String user = Unique.name("acct");
        String token = platform.token(user, HttpApiPlatform.READ_WRITE);
        assertThat(platform.send("POST", "/accounts", token, "{\"name\":\"Moved\"}")
                        .statusCode())
                .isEqualTo(201);
        String accountId = HttpApiPlatform.json(platform.send("GET", "/accounts/me", token, null))
                .path("accountId")
                .asText();
        platform.dynamo.putItem(p -> p.tableName(platform.table(PulseTopology.REPORTS_TABLE))
                .item(Map.of(
                        "accountId", AttributeValue.fromS(accountId),
                        "periodKey", AttributeValue.fromS("hour#2026-12-01T10:00:00Z"),
                        "postCount", AttributeValue.fromN("7"),
                        "engagement", AttributeValue.fromN("90"),
                        "fans", AttributeValue.fromN("1200"))));
        Map<String, String> headers = Map.of("x-v1-user", user, "authorization", "Bearer " + token);
        String account = "/legacy/api/v1/account";
        String reports = "/legacy/api/v1/reports/hourly?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";
        set(LegacyRoutes.ACCOUNT, Mode.LEGACY);
        set(LegacyRoutes.HOURLY_REPORTS, Mode.LEGACY);
        String proxy = proxy(Map.of());
        HttpResponse<String> legacyAccount = get(proxy, account, headers);
        HttpResponse<String> legacyReports = get(proxy, reports, headers);
        set(LegacyRoutes.ACCOUNT, Mode.NEW);
        set(LegacyRoutes.HOURLY_REPORTS, Mode.NEW);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> backend(get(proxy, account, headers)).equals("new"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> backend(get(proxy, reports, headers)).equals("new"));
        HttpResponse<String> newAccount = get(proxy, account, headers);
        HttpResponse<String> newReports = get(proxy, reports, headers);

        assertThat(backend(legacyAccount)).isEqualTo("legacy");
        assertThat(newAccount.statusCode())
                .isEqualTo(legacyAccount.statusCode())
                .isEqualTo(200);
        assertThat(unstamped(newAccount)).isEqualTo(unstamped(legacyAccount));
        assertThat(unstamped(newReports)).isEqualTo(unstamped(legacyReports));
        assertThat(unstamped(newReports).path("rows")).hasSize(1);
        assertThat(HttpApiPlatform.json(newAccount).path("request_id").isTextual())
                .isTrue();
    }

    private static JsonNode unstamped(HttpResponse<String> response) {
        ObjectNode body = (ObjectNode) HttpApiPlatform.json(response);
        body.remove(List.of("request_id", "server_time"));
        return body;
    }

    @Test
    void givenShadow_thenAPlantedDifferenceIsSampled_andTheNondeterministicRequestIdIsNot() throws Exception {
        // In front of the new service: New York Times' fans are off by one (a planted difference).
        try (StubServer tamper =
                StubServer.forwarding(platform.base(), body -> body.replace("\"fans\":5000000", "\"fans\":5000001"))) {
            // A generous timeout: the first shadow call meets the mentions function cold, and a shadow that times
            // out is (rightly) sampled as a difference of its own.
            String proxy = proxy(
                    Map.of(Variables.Legacy.NEW_BASE_URL, tamper.base(), Variables.Legacy.NEW_TIMEOUT_MS, "10000"));
            set(LegacyRoutes.PAGES_SEARCH, Mode.SHADOW);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> planted = get(proxy, SEARCH + "?term=new&count=3", Map.of());
                HttpResponse<String> clean = get(proxy, SEARCH + "?term=jurgen&count=3", Map.of());
                assertThat(backend(planted)).isEqualTo("legacy");
                assertThat(V1Contract.searchViolations(clean.statusCode(), clean.body()))
                        .isEmpty();
            }

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> diffs.recent(LegacyRoutes.PAGES_SEARCH).stream()
                            .anyMatch(s -> s.request().contains("term=new&count=3") && s.newStatus() == 200));
            await().atMost(Duration.ofSeconds(20)).until(() -> tamper.received.size() >= 6);
        }
        List<DiffSamples.Sample> samples = diffs.recent(LegacyRoutes.PAGES_SEARCH);
        assertThat(samples)
                .filteredOn(s -> s.request().contains("term=new&count=3"))
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.paths()).containsExactly("data[].fan_count");
                    assertThat(s.newBody()).contains("5000001");
                    assertThat(s.legacyBody()).contains("5000000");
                });
        assertThat(samples).noneMatch(s -> s.request().contains("term=jurgen&count=3"));
        assertThat(samples).allSatisfy(s -> assertThat(s.paths()).doesNotContain("request_id", "server_time"));
    }

    @Test
    void givenNewMode_whenTheNewServiceBurstsErrors_thenLegacyAnswers_andTheRouteRollsBackByItself() throws Exception {
        try (StubServer failing = StubServer.answering(500, "{\"message\":\"Internal Server Error\"}")) {
            String proxy = proxy(Map.of(
                    Variables.Legacy.NEW_BASE_URL, failing.base(),
                    Variables.Legacy.ROLLBACK_MIN_CALLS, "5",
                    Variables.Legacy.ROLLBACK_ERROR_RATE, "0.5"));
            set(LegacyRoutes.PAGES_SEARCH, Mode.NEW);
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = get(proxy, SEARCH + "?term=nike&count=2", Map.of());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(backend(r)).isIn("legacy-fallback", "legacy");
            }
        }

        assertThat(modes.mode(LegacyRoutes.PAGES_SEARCH)).isEqualTo(Mode.LEGACY);
        RouteModes.ModeChange rollback =
                modes.changes(LegacyRoutes.PAGES_SEARCH, 1).getFirst();
        assertThat(rollback.who()).isEqualTo(RollbackGuard.WHO);
        assertThat(rollback.from()).isEqualTo(Mode.NEW);
        assertThat(rollback.to()).isEqualTo(Mode.LEGACY);
        assertThat(rollback.reason()).contains("failed");
    }

    @Test
    void givenNewMode_whenTheNewServiceAnswersDifferently_thenTheDiffRateRollsTheRouteBackByItself() throws Exception {
        // The new service answers, but New York Times' fans are off by one: no error, a wrong answer.
        try (StubServer tamper =
                StubServer.forwarding(platform.base(), body -> body.replace("\"fans\":5000000", "\"fans\":5000001"))) {
            String proxy = proxy(Map.of(
                    Variables.Legacy.NEW_BASE_URL, tamper.base(),
                    Variables.Legacy.NEW_TIMEOUT_MS, "10000",
                    Variables.Legacy.VERIFY_SAMPLE_RATE, "1",
                    Variables.Legacy.ROLLBACK_MIN_COMPARISONS, "5",
                    Variables.Legacy.ROLLBACK_DIFF_RATE, "0.5"));
            set(LegacyRoutes.PAGES_SEARCH, Mode.NEW);
            List<HttpResponse<String>> answers = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (answers.size() < 200) {
                            answers.add(get(proxy, SEARCH + "?term=new&count=3", Map.of()));
                        }
                        return modes.mode(LegacyRoutes.PAGES_SEARCH).equals(Mode.LEGACY);
                    });

            assertThat(answers).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(V1Contract.searchViolations(r.statusCode(), r.body()))
                        .isEmpty();
            });
            assertThat(answers.subList(0, 5))
                    .allSatisfy(r -> assertThat(backend(r)).isEqualTo("new"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> backend(get(proxy, SEARCH + "?term=new&count=3", Map.of()))
                            .equals("legacy"));
        }
        RouteModes.ModeChange rollback =
                modes.changes(LegacyRoutes.PAGES_SEARCH, 1).getFirst();
        assertThat(rollback.who()).isEqualTo(RollbackGuard.WHO);
        assertThat(rollback.from()).isEqualTo(Mode.NEW);
        assertThat(rollback.to()).isEqualTo(Mode.LEGACY);
        assertThat(rollback.reason()).contains("answered differently from legacy", "compared calls");
        assertThat(diffs.recent(LegacyRoutes.PAGES_SEARCH))
                .filteredOn(s ->
                        s.request().contains("term=new&count=3") && s.newBody().contains("5000001"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.paths()).containsExactly("data[].fan_count"));
    }

    @Test
    void givenNewMode_whenTheNewServiceTimesOut_thenLegacyAnswersInV1sContract_andSaysItFellBack() throws Exception {
        try (StubServer slow = StubServer.slow(Duration.ofSeconds(3))) {
            String proxy =
                    proxy(Map.of(Variables.Legacy.NEW_BASE_URL, slow.base(), Variables.Legacy.NEW_TIMEOUT_MS, "300"));
            set(LegacyRoutes.PAGES_SEARCH, Mode.NEW);

            HttpResponse<String> r = get(proxy, SEARCH + "?term=star&count=2", Map.of());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(backend(r)).isEqualTo("legacy-fallback");
            assertThat(V1Contract.searchViolations(r.statusCode(), r.body())).isEmpty();
            assertThat(slow.received).hasSize(1);
        }
    }

    @Test
    void givenCallerHeaders_thenHopByHopNeverCross_andTheTokenGoesOnlyWhereMeant() throws Exception {
        try (StubServer legacy = StubServer.answering(200, "{\"status\":\"ok\"}");
                StubServer pulse = StubServer.answering(200, "{\"query\":\"x\",\"results\":[],\"source\":\"index\"}")) {
            String proxy = proxy(
                    Map.of(Variables.Legacy.BASE_URL, legacy.base(), Variables.Legacy.NEW_BASE_URL, pulse.base()));
            Map<String, String> headers = Map.of(
                    "authorization", "Bearer pulse-token",
                    "x-v1-user", "hy",
                    "keep-alive", "timeout=5",
                    "proxy-authorization", "Basic c2VjcmV0",
                    "te", "trailers",
                    "x-custom", "kept");
            set(LegacyRoutes.PAGES_SEARCH, Mode.LEGACY);
            set(LegacyRoutes.ACCOUNT, Mode.NEW);
            get(proxy, SEARCH + "?term=x", headers);
            set(LegacyRoutes.PAGES_SEARCH, Mode.NEW);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            backend(get(proxy, SEARCH + "?term=x", headers)).equals("new"));
            get(proxy, "/legacy/api/v1/account", headers);

            StubServer.Received toLegacy = legacy.received.getFirst();
            assertThat(toLegacy.headers())
                    .containsEntry("x-v1-user", "hy")
                    .containsEntry("x-custom", "kept")
                    .doesNotContainKeys("authorization", "proxy-authorization", "keep-alive", "te");
            assertThat(pulse.received)
                    .filteredOn(r -> r.pathAndQuery().startsWith("/mentions"))
                    .isNotEmpty()
                    .allSatisfy(
                            r -> assertThat(r.headers()).doesNotContainKeys("authorization", "x-v1-user", "x-custom"));
            assertThat(pulse.received)
                    .filteredOn(r -> r.pathAndQuery().startsWith("/accounts/me"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.headers())
                            .containsEntry("authorization", "Bearer pulse-token")
                            .doesNotContainKeys("x-v1-user", "proxy-authorization"));
        }
    }

    @Test
    void givenTheRoutesCommand_whenSetListedAndAsked_thenTheModeChanges_auditedWithWhoAndFromTo() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RoutesCommand routes = new RoutesCommand(
                modes,
                diffs,
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                java.time.Clock.systemUTC());
        String before = modes.mode(LegacyRoutes.HOURLY_REPORTS).wire();

        assertThat(routes.run(List.of("set", LegacyRoutes.HOURLY_REPORTS, "canary:25"), "ada"))
                .isZero();
        assertThat(routes.run(List.of("set", LegacyRoutes.HOURLY_REPORTS, "canary:100"), "ada"))
                .isEqualTo(2);
        assertThat(routes.run(List.of("set", "no-such-route", "new"), "ada")).isEqualTo(2);
        assertThat(routes.run(List.of("list"), "ada")).isZero();
        assertThat(routes.run(List.of("diffs", LegacyRoutes.HOURLY_REPORTS), "ada"))
                .isZero();

        assertThat(modes.mode(LegacyRoutes.HOURLY_REPORTS)).isEqualTo(Mode.canary(25));
        RouteModes.ModeChange change =
                modes.changes(LegacyRoutes.HOURLY_REPORTS, 1).getFirst();
        assertThat(change.who()).isEqualTo("ada");
        assertThat(change.from().wire()).isEqualTo(before);
        assertThat(change.to()).isEqualTo(Mode.canary(25));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(LegacyRoutes.HOURLY_REPORTS + ": " + before + " -> canary:25 (by ada")
                .containsPattern(LegacyRoutes.HOURLY_REPORTS + " +canary:25 .* by ada");
        assertThat(routes.run(List.of("set", LegacyRoutes.HOURLY_REPORTS, "legacy"), "ada"))
                .isZero();
    }

    @Test
    void givenLegacyDown_inLegacyMode_thenA502JsonAnswer_atOnce() {
        String proxy = proxy(Map.of(Variables.Legacy.BASE_URL, "http://127.0.0.1:" + LocalPlatform.closedPort()));
        set(LegacyRoutes.PAGES_SEARCH, Mode.LEGACY);

        HttpResponse<String> r = get(proxy, SEARCH + "?term=x", Map.of());

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(HttpApiPlatform.json(r).path("error").asText()).isEqualTo("legacy_unavailable");
    }
}
