package dev.pulse.tools.it;

import static dev.pulse.tools.it.HttpApiPlatform.READ;
import static dev.pulse.tools.it.HttpApiPlatform.READ_WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.RouteSpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A generated fuzz of {@value #TRIES} × {@value #BATCH} requests over every route of the HTTP API (the accounts routes
 * and {@code GET /mentions}), through the local API emulator and its JWT authorizer, {@value #CLIENTS} clients at a
 * time: no answer is a 5xx, names an internal class or carries a stack trace; every answer but a 204 is JSON, every
 * refusal has a message; a broken token never gets past the authorizer; nothing names the other account.
 */
class AccountsFuzzIT {
    static final int TRIES = 250;
    static final int BATCH = 40;
    static final int CLIENTS = 4;
    private static final List<String> INTERNALS =
            List.of("Exception", "at dev.pulse", "java.", "software.amazon", "com.fasterxml", "\tat ");

    private static HttpApiPlatform api;
    private static TenancyWorld world;
    private static FuzzRequests generator;
    private static ExecutorService clients;
    private static final Map<FuzzRequests.Auth, String> TOKENS = new EnumMap<>(FuzzRequests.Auth.class);
    private static final ConcurrentMap<String, ConcurrentMap<Integer, LongAdder>> COUNTS = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() {
        api = new HttpApiPlatform(TenancyWorld.PAGES);
        world = TenancyWorld.make(api);
        String editor = Unique.name("eddie");
        api.send(
                "PUT",
                "/accounts/me/members/" + editor,
                api.token(world.aOwner(), READ_WRITE),
                "{\"role\":\"editor\"}");
        String cursor = json(api.send(
                        "GET", "/accounts/me/tracked-pages?limit=1", api.token(world.aOwner(), READ_WRITE), null))
                .path("nextCursor")
                .asText();
        generator = new FuzzRequests(world, editor, cursor);
        clients = Executors.newFixedThreadPool(CLIENTS);
        String owner = api.token(world.aOwner(), READ_WRITE);
        TOKENS.put(FuzzRequests.Auth.OWNER, owner);
        TOKENS.put(FuzzRequests.Auth.EDITOR, api.token(editor, READ_WRITE));
        TOKENS.put(FuzzRequests.Auth.VIEWER, api.token(world.aViewer(), READ_WRITE));
        TOKENS.put(FuzzRequests.Auth.EXPIRED, api.expiredToken(world.aOwner(), READ_WRITE));
        TOKENS.put(FuzzRequests.Auth.WRONG_KEY, api.wrongKeyToken(world.aOwner(), READ_WRITE));
        TOKENS.put(FuzzRequests.Auth.TAMPERED, tampered(owner, world.bOwner()));
        TOKENS.put(FuzzRequests.Auth.ALG_NONE, unsigned(owner));
        TOKENS.put(
                FuzzRequests.Auth.NOT_YET_VALID,
                api.token(
                        r -> r.withScopes(List.of(READ, WRITE))
                                .withNotBefore(Instant.now().plus(Duration.ofHours(1))),
                        world.aOwner()));
        TOKENS.put(
                FuzzRequests.Auth.WRONG_AUDIENCE,
                api.token(
                        r -> r.withScopes(List.of(READ, WRITE)).withAudience(Optional.of("someone-else")),
                        world.aOwner()));
        TOKENS.put(FuzzRequests.Auth.READ_ONLY, api.token(world.aOwner(), READ));
        TOKENS.put(FuzzRequests.Auth.WRITE_ONLY, api.token(world.aOwner(), WRITE));
    }

    @AfterContainer
    static void stop() {
        try {
            report();
        } finally {
            clients.shutdownNow();
            api.close();
        }
        long total = COUNTS.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(LongAdder::sum)
                .sum();
        assertThat(total).isGreaterThanOrEqualTo(10_000);
        assertThat(COUNTS.keySet()).containsExactlyInAnyOrderElementsOf(FuzzRequests.routes());
    }

    // Without edge-case mixing every route gets its share (jqwik's edge cases favour the first route); the generators
    // draw their own edge values.
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void noAnswerIsA5xx_orAStackTrace_orNotJson_andNoBrokenTokenPasses(
            @ForAll("batches") List<FuzzRequests.Request> batch) throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        for (FuzzRequests.Request request : batch) {
            answers.add(clients.submit(() -> violation(request, send(request))));
        }
        List<String> violations = new ArrayList<>();
        for (Future<String> answer : answers) {
            String violation = answer.get();
            if (violation != null) {
                violations.add(violation);
            }
        }
        assertThat(violations).isEmpty();
    }

    @Provide
    Arbitrary<List<FuzzRequests.Request>> batches() {
        return generator.requests().list().ofSize(BATCH);
    }

    @net.jqwik.api.Example
    void theFuzzCoversEveryRouteOfTheHttpApi() {
        // The legacy proxy's ANY /legacy/{proxy+} forwards to v1, so it has a fuzz of its own (LegacyProxyFuzzIT, in
        // front of the v1 stand-in); every other route is fuzzed here, and together they cover every route.
        List<String> routes = PulseTopology.define().routes().stream()
                .map(RouteSpec::routeKey)
                .toList();
        assertThat(routes).contains(LegacyProxyFuzzIT.ROUTE);
        assertThat(routes.stream().filter(r -> !r.equals(LegacyProxyFuzzIT.ROUTE)))
                .containsExactlyInAnyOrderElementsOf(FuzzRequests.routes());
    }

    private static HttpResponse<String> send(FuzzRequests.Request request) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(request.headers());
        token(request).ifPresent(t -> headers.put("authorization", t));
        HttpResponse<String> response = api.send(request.method(), request.target(), headers, request.body());
        COUNTS.computeIfAbsent(request.route(), r -> new ConcurrentHashMap<>())
                .computeIfAbsent(response.statusCode(), s -> new LongAdder())
                .increment();
        return response;
    }

    /** What is wrong with the answer, or null. */
    private static String violation(FuzzRequests.Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        String problem = null;
        if (status >= 500) {
            problem = "a 5xx";
        } else if (INTERNALS.stream().anyMatch(body::contains)) {
            problem = "internals in the body";
        } else if (world.bIdentifiers().stream().anyMatch(body::contains)) {
            problem = "the other account named";
        } else if (status == 204) {
            problem = body.isEmpty() ? null : "a 204 with a body";
        } else if (!isJson(body)) {
            problem = "not JSON";
        } else if (status >= 400 && !json(response).path("message").isTextual()) {
            problem = "a refusal without a message";
        } else if (status >= 400
                && json(response).has("error")
                && !json(response).path("error").isTextual()) {
            problem = "an error that is not a string";
        } else if (!request.route().equals("GET /mentions")) {
            problem = authProblem(request, status, json(response));
        }
        return problem == null ? null : problem + ": " + request + " → " + status + " " + abbreviate(body);
    }

    /** A broken token gets the authorizer's 401 and a token without the route's scope its 403, wherever a route matches. */
    private static String authProblem(FuzzRequests.Request request, int status, JsonNode body) {
        boolean gatewayNotFound = status == 404 && !body.has("error");
        boolean wrongScope = request.auth() == FuzzRequests.Auth.READ_ONLY
                        && !request.method().equals("GET")
                || request.auth() == FuzzRequests.Auth.WRITE_ONLY
                        && request.method().equals("GET");
        if (request.auth().invalid() && status != 401 && !gatewayNotFound) {
            return "a broken token got past the authorizer";
        }
        if (wrongScope && status != 403 && !gatewayNotFound) {
            return "a token without the route's scope got past the authorizer";
        }
        return null;
    }

    private static Optional<String> token(FuzzRequests.Request request) {
        return switch (request.auth()) {
            case NONE -> Optional.empty();
            case NO_ACCOUNT -> Optional.of("Bearer " + api.token(Unique.name("eve"), READ_WRITE));
            case BEARER_ONLY -> Optional.of("Bearer");
            case GARBAGE -> {
                List<String> garbage = List.of(
                        "Bearer garbage",
                        "Basic dXNlcjpwYXNz",
                        "Bearer a.b.c",
                        "Bearer " + "x".repeat(5000),
                        "Bearer " + TOKENS.get(FuzzRequests.Auth.OWNER) + "junk",
                        "Bearer ..",
                        "Bearer eyJhbGciOiJSUzI1NiJ9.e30.",
                        "Token " + TOKENS.get(FuzzRequests.Auth.OWNER).substring(1));
                yield Optional.of(garbage.get(Math.floorMod(request.target().hashCode(), garbage.size())));
            }
            default -> Optional.of("Bearer " + TOKENS.get(request.auth()));
        };
    }

    /** The owner's token with its payload's subject swapped, its signature kept. */
    private static String tampered(String token, String subject) {
        String[] parts = token.split("\\.");
        JsonNode claims =
                Json.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims).put("sub", subject);
        return parts[0] + "." + base64(Json.write(claims)) + "." + parts[2];
    }

    /** The owner's token re-headed {@code alg: none}, without a signature. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        JsonNode header =
                Json.read(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8), JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) header).put("alg", "none");
        return base64(Json.write(header)) + "." + parts[1] + ".";
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
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
        Map<Integer, Long> byStatus = new TreeMap<>();
        StringBuilder out = new StringBuilder("accounts fuzz: requests per route and status\n");
        new TreeMap<>(COUNTS).forEach((route, statuses) -> {
            Map<Integer, Long> sorted = new TreeMap<>();
            statuses.forEach((status, n) -> sorted.put(status, n.sum()));
            sorted.forEach((status, n) -> byStatus.merge(status, n, Long::sum));
            long total = sorted.values().stream().mapToLong(Long::longValue).sum();
            out.append(String.format("  %-45s %6d  %s%n", route, total, sorted));
        });
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format("  %-45s %6d  %s%n", "all", total, byStatus));
        System.out.print(out);
    }
}
