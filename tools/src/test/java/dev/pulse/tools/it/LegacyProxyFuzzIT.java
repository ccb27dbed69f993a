package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.legacy.adapter.dynamodb.DynamoRouteModes;
import dev.pulse.legacy.application.ProxyService;
import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.Mode;
import dev.pulse.mentions.application.ContractPages;
import dev.pulse.tools.legacy.V1Command;
import dev.pulse.tools.legacy.V1Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A generated fuzz of {@code ANY /legacy/{proxy+}}, {@value #TRIES} × {@value #BATCH} requests through the local API
 * emulator, {@value #CLIENTS} clients at a time: random methods, hostile paths and queries, headers (hop-by-hop,
 * spoofed proxy headers, tokens), bodies up to three times the proxy's limit; in front of the real v1 stand-in (its
 * three movable routes in {@code shadow}, {@code new} and {@code canary:50}, every new answer compared), of legacy
 * down, and of legacy too slow. Every answer comes within {@value #ANSWER_SECONDS} s, says which backend served it,
 * is a proxied answer or a JSON error, is never a 500, and never carries a stack trace; no request ever reaches a
 * host other than the configured backends.
 */
class LegacyProxyFuzzIT {
    /** The route this fuzz covers, which {@link AccountsFuzzIT} leaves to it. */
    static final String ROUTE = "ANY /legacy/{proxy+}";

    static final int TRIES = 40;
    static final int BATCH = 30;
    static final int CLIENTS = 4;
    static final int ANSWER_SECONDS = 10;
    static final int MAX_BODY = 32 * 1024;
    private static final List<String> INTERNALS =
            List.of("Exception", "at dev.pulse", "java.", "software.amazon", "com.fasterxml", "\tat ");
    private static final Set<String> BACKENDS = Set.of(ProxyService.LEGACY, ProxyService.NEW, ProxyService.FALLBACK);

    private static HttpApiPlatform platform;
    private static V1Server v1;
    private static StubServer slowLegacy;
    private static StubServer elsewhere;
    private static ExecutorService clients;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<Target, String> PROXIES = new HashMap<>();
    private static String token;
    private static final ConcurrentMap<String, ConcurrentMap<Integer, LongAdder>> COUNTS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, LongAdder> BACKEND_COUNTS = new ConcurrentHashMap<>();

    /** Which proxy a request goes to: the one in front of v1, of a closed port, or of a legacy slower than its timeout. */
    enum Target {
        V1,
        LEGACY_DOWN,
        LEGACY_SLOW
    }

    /** One generated request. */
    record Request(Target target, String method, String path, String query, Map<String, String> headers, byte[] body) {
        String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }

        @Override
        public String toString() {
            String shown = pathAndQuery().length() > 200 ? pathAndQuery().substring(0, 200) + "…" : pathAndQuery();
            return target + " " + method + " " + shown + " headers=" + headers.keySet() + " body="
                    + (body == null ? "none" : body.length + " bytes");
        }
    }

    @BeforeContainer
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
        slowLegacy = StubServer.slow(Duration.ofSeconds(2));
        elsewhere = StubServer.answering(200, "{\"stolen\":true}");
        DynamoRouteModes modes = new DynamoRouteModes(
                platform.dynamo,
                platform.table(PulseTopology.ROUTES_TABLE),
                platform.table(PulseTopology.ROUTE_CHANGES_TABLE));
        modes.change(LegacyRoutes.PAGES_SEARCH, Mode.LEGACY, Mode.SHADOW, "fuzz", "", Instant.now());
        modes.change(LegacyRoutes.ACCOUNT, Mode.LEGACY, Mode.NEW, "fuzz", "", Instant.now());
        modes.change(LegacyRoutes.HOURLY_REPORTS, Mode.LEGACY, Mode.canary(50), "fuzz", "", Instant.now());
        PROXIES.put(Target.V1, proxy(v1.baseUrl(), Map.of()));
        PROXIES.put(Target.LEGACY_DOWN, proxy("http://127.0.0.1:" + LocalPlatform.closedPort(), Map.of()));
        PROXIES.put(Target.LEGACY_SLOW, proxy(slowLegacy.base(), Map.of(Variables.Legacy.LEGACY_TIMEOUT_MS, "300")));
        token = platform.token("fuzz-user", HttpApiPlatform.READ_WRITE);
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    private static String proxy(String legacy, Map<String, String> more) {
        Map<String, String> variables = new HashMap<>();
        variables.put(Variables.Legacy.BASE_URL, legacy);
        variables.put(Variables.Legacy.NEW_BASE_URL, platform.base());
        variables.put(Variables.Legacy.MAX_BODY_BYTES, String.valueOf(MAX_BODY));
        variables.put(Variables.Legacy.VERIFY_SAMPLE_RATE, "1");
        // Rolling back is not what is fuzzed here: the modes stay as set.
        variables.put(Variables.Legacy.ROLLBACK_MIN_CALLS, "1000000");
        variables.put(Variables.Legacy.ROLLBACK_MIN_COMPARISONS, "1000000");
        variables.putAll(more);
        return platform.serve(variables);
    }

    @AfterContainer
    static void stop() {
        try {
            report();
            assertThat(elsewhere.received)
                    .as("requests that left for another host")
                    .isEmpty();
        } finally {
            clients.shutdownNow();
            elsewhere.close();
            slowLegacy.close();
            v1.close();
            platform.close();
        }
        long total = COUNTS.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(LongAdder::sum)
                .sum();
        assertThat(total).isEqualTo((long) TRIES * BATCH);
        assertThat(COUNTS.keySet()).containsExactlyInAnyOrder("V1", "LEGACY_DOWN", "LEGACY_SLOW");
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void everyAnswerIsProxiedOrAJsonError_neverA500_aStackTrace_orAHang(@ForAll("batches") List<Request> batch)
            throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        for (Request request : batch) {
            answers.add(clients.submit(() -> violation(request)));
        }
        List<String> violations = new ArrayList<>();
        for (Future<String> answer : answers) {
            String violation = answer.get();
            if (violation != null) {
                System.out.println("VIOLATION " + violation);
                violations.add(violation);
            }
        }
        assertThat(violations).isEmpty();
    }

    @Provide
    Arbitrary<List<Request>> batches() {
        return requests().list().ofSize(BATCH);
    }

    // ---- checks ----------------------------------------------------------------------------------------------------

    /** What is wrong with the answer to {@code request}, or null. */
    private static String violation(Request request) {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                            URI.create(PROXIES.get(request.target()) + request.pathAndQuery()))
                    .timeout(Duration.ofSeconds(ANSWER_SECONDS))
                    .method(
                            request.method(),
                            request.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            return "no answer within " + ANSWER_SECONDS + " s: " + request;
        } catch (Exception e) {
            return "the call failed (" + e + "): " + request;
        }
        String served =
                response.headers().firstValue(ProxyService.BACKEND_HEADER).orElse("none");
        COUNTS.computeIfAbsent(request.target().name(), t -> new ConcurrentHashMap<>())
                .computeIfAbsent(response.statusCode(), s -> new LongAdder())
                .increment();
        BACKEND_COUNTS
                .computeIfAbsent(request.target().name() + " " + served, k -> new LongAdder())
                .increment();
        String problem = problem(request, response);
        return problem == null
                ? null
                : problem + ": " + request + " → " + response.statusCode() + " "
                        + response.headers().map() + " " + abbreviate(response.body());
    }

    private static String problem(Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        String backend =
                response.headers().firstValue(ProxyService.BACKEND_HEADER).orElse("");
        boolean tooBig = request.body() != null && request.body().length > MAX_BODY;
        if (status == 500) {
            return "a 500";
        }
        if (INTERNALS.stream().anyMatch(body::contains)) {
            return "internals in the body";
        }
        if (!BACKENDS.contains(backend)) {
            return "no backend named (or a spoofed one)";
        }
        if (request.method().equals("HEAD")) {
            return body.isEmpty() ? null : "a HEAD answer with a body";
        }
        if (tooBig) {
            return status == 413 && error(body).equals("body_too_large") ? null : "an oversize body not refused";
        }
        if (status == 400 && error(body).equals("bad_request")) {
            return null; // the proxy refusing a target it will not forward (dot segments, another host, bad escapes)
        }
        if (status >= 500) {
            String error = error(body);
            boolean legacyCannotAnswer = request.target() != Target.V1;
            return status == 502 && error.equals("legacy_unavailable") && legacyCannotAnswer
                    ? null
                    : "a 5xx that is not the proxy's JSON 502 for a legacy that cannot answer";
        }
        if (request.target() != Target.V1 && !backend.equals(ProxyService.NEW)) {
            return "an answer (not a 502) from a legacy that cannot answer";
        }
        if (!body.isEmpty() && !isJson(body)) {
            return "not JSON";
        }
        if (status >= 400 && !isJson(body)) {
            return "an error without a JSON body";
        }
        return null;
    }

    /** The body's {@code error} code when it is the JSON error shape with a message, else "". */
    private static String error(String body) {
        if (!isJson(body)) {
            return "";
        }
        JsonNode node = Json.read(body, JsonNode.class);
        return node.path("error").isTextual() && node.path("message").isTextual()
                ? node.path("error").asText()
                : "";
    }

    private static boolean isJson(String body) {
        try {
            Json.mapper().readTree(body);
            return !body.isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static void report() {
        StringBuilder out = new StringBuilder("legacy proxy fuzz: requests per target and status\n");
        new TreeMap<>(COUNTS).forEach((target, statuses) -> {
            Map<Integer, Long> sorted = new TreeMap<>();
            statuses.forEach((status, n) -> sorted.put(status, n.sum()));
            out.append(String.format("  %-12s %s%n", target, sorted));
        });
        out.append("  by target and backend: ");
        new TreeMap<>(BACKEND_COUNTS)
                .forEach((key, n) -> out.append(key).append('=').append(n.sum()).append("  "));
        out.append('\n');
        System.out.print(out);
    }

    // ---- generators ------------------------------------------------------------------------------------------------

    private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(
            int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    private Arbitrary<Request> requests() {
        Arbitrary<Target> target = Arbitraries.frequencyOf(
                weighted(8, Arbitraries.just(Target.V1)),
                weighted(1, Arbitraries.just(Target.LEGACY_DOWN)),
                weighted(1, Arbitraries.just(Target.LEGACY_SLOW)));
        Arbitrary<String> method = Arbitraries.frequencyOf(
                weighted(10, Arbitraries.just("GET")),
                weighted(4, Arbitraries.of("POST", "PUT", "PATCH", "DELETE")),
                weighted(1, Arbitraries.of("HEAD", "OPTIONS", "TRACE", "PROPFIND", "get")));
        return Combinators.combine(target, method, path(), query(), headers(), body())
                .as((t, m, p, q, h, b) -> new Request(t, m, p, q, h, m.equals("TRACE") ? null : b));
    }

    private Arbitrary<String> path() {
        Arbitrary<String> movable = Arbitraries.of("/api/v1/pages/search", "/api/v1/account", "/api/v1/reports/hourly");
        Arbitrary<String> nearMovable = Arbitraries.of(
                "/api/v1/pages/search/",
                "/API/v1/pages/search",
                "/api/v1//pages/search",
                "/api/v1/pages/search/..",
                "/api/v1/pages/./search",
                "/api/v1/pages%2Fsearch",
                "/api/v1/pages/search%3Fterm=x",
                "/api/v1/pages/search%23x",
                "/api/v1/account%00",
                "/api/v2/pages/search",
                "/api/v1/unknown");
        Arbitrary<String> hostile = FuzzRequests.hostileSegment()
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(segments -> "/api/v1/" + String.join("/", segments));
        Arbitrary<String> elsewhereAuthority = Arbitraries.of(
                "//127.0.0.1:" + elsewhere.port() + "/stolen",
                "/%2F127.0.0.1:" + elsewhere.port() + "/stolen",
                "/%2F%2F127.0.0.1:" + elsewhere.port() + "/stolen",
                "/http:%2F%2F127.0.0.1:" + elsewhere.port() + "/stolen",
                "/..%2F..%2F%2F127.0.0.1:" + elsewhere.port() + "/stolen",
                "/@127.0.0.1:" + elsewhere.port() + "/stolen",
                "/%40127.0.0.1:" + elsewhere.port() + "/stolen");
        return Arbitraries.frequencyOf(
                        weighted(6, movable),
                        weighted(2, nearMovable),
                        weighted(3, hostile),
                        weighted(1, elsewhereAuthority))
                .map(p -> "/legacy" + p);
    }

    private Arbitrary<String> query() {
        Arbitrary<String> term = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("new", "nike", "cafe", "star", "jurgen", "new%20yo"),
                Arbitraries.strings().all().ofMaxLength(20).map(FuzzRequests::encode),
                Arbitraries.strings().alpha().ofMinLength(200).ofMaxLength(3000),
                Arbitraries.of("*", "%25", "a*b", "%5C", "new", "nike", "%00", "%FF"));
        Arbitrary<String> count = Arbitraries.frequencyOf(
                weighted(6, Arbitraries.integers().between(1, 20).map(String::valueOf)),
                weighted(1, Arbitraries.integers().between(-5, 200).map(String::valueOf)),
                weighted(1, Arbitraries.of("", "abc", "1e3", "99999999999999999999", "0x10", "%20")));
        Arbitrary<String> instant = Arbitraries.of(
                "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "yesterday", "", "2026-13-01T00:00:00Z", "0");
        Arbitrary<String> search = Combinators.combine(term, count).as((t, c) -> "term=" + t + "&count=" + c);
        Arbitrary<String> reports = Combinators.combine(instant, instant).as((f, t) -> "from=" + f + "&to=" + t);
        Arbitrary<String> noise = Arbitraries.of("=", "&&", "a=1&a=2", "term", "term=&term=x", ";", "a=%25ZZ", "?");
        return Arbitraries.frequencyOf(
                weighted(2, Arbitraries.just((String) null)),
                weighted(5, search),
                weighted(2, reports),
                weighted(2, noise));
    }

    private Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> user = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.just("")),
                weighted(4, Arbitraries.of("fuzz-user", "demo-owner", "u1", "someone")),
                weighted(
                        2,
                        Arbitraries.strings()
                                .withCharRange('!', '~')
                                .ofMinLength(1)
                                .ofMaxLength(300)));
        Arbitrary<String> authorization = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.just("")),
                weighted(2, Arbitraries.just("valid")),
                weighted(2, Arbitraries.of("Bearer", "Bearer garbage", "Basic dXNlcjpwYXNz", "Bearer a.b.c")));
        Arbitrary<String> hop = Arbitraries.of(
                "",
                "keep-alive:timeout=5",
                "te:trailers",
                "trailer:x",
                "proxy-authorization:Basic c2VjcmV0",
                "proxy-connection:keep-alive");
        Arbitrary<String> spoof = Arbitraries.of(
                "", "x-pulse-backend:new", "x-pulse-route-mode:new", "x-forwarded-for:10.0.0.1", "cookie:a=b");
        Arbitrary<String> type = Arbitraries.of(
                "",
                "application/json",
                "text/plain",
                "application/octet-stream",
                "garbage",
                ";;;",
                "multipart/form-data; boundary=x");
        Arbitrary<String> encoding = Arbitraries.of("", "", "", "gzip", "br", "x");
        return Combinators.combine(user, authorization, hop, spoof, type, encoding)
                .as((u, a, h, s, t, e) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    put(headers, "x-v1-user", u);
                    put(headers, "authorization", a.equals("valid") ? "Bearer " + token : a);
                    pair(headers, h);
                    pair(headers, s);
                    put(headers, "content-type", t);
                    put(headers, "content-encoding", e);
                    return headers;
                });
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.put(name, value);
        }
    }

    private static void pair(Map<String, String> headers, String nameAndValue) {
        int colon = nameAndValue.indexOf(':');
        if (colon > 0) {
            headers.put(nameAndValue.substring(0, colon), nameAndValue.substring(colon + 1));
        }
    }

    private Arbitrary<byte[]> body() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.just((byte[]) null)),
                weighted(
                        2,
                        Arbitraries.of("{}", "{\"term\":\"x\"}", "[", "null", "\uFEFF{}", "[".repeat(3000))
                                .map(s -> s.getBytes(StandardCharsets.UTF_8))),
                weighted(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                weighted(
                        1,
                        Arbitraries.integers()
                                .between(MAX_BODY - 1, 3 * MAX_BODY)
                                .map(n -> "x".repeat(n).getBytes(StandardCharsets.UTF_8))));
    }
}
