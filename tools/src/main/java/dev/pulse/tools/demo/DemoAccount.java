package dev.pulse.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The demo account, made through the HTTP API exactly as a signed-in customer would make it: {@code POST /accounts}
 * (idempotent: an existing one is found through {@code GET /accounts/me}), then {@code PUT
 * /accounts/me/tracked-pages/{id}} for each page. A page the pages index does not hold yet answers {@code 404
 * unknown_page}; it is asked again each round until ingest has indexed it, or the deadline passes.
 */
final class DemoAccount {
    private static final int IN_FLIGHT = 8;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final String token;
    private final PrintStream out;

    DemoAccount(URI api, String token, PrintStream out) {
        this.api = api;
        this.token = token;
        this.out = out;
    }

    /** The account's id and plan limit: a new account, or the one the token's user already belongs to. */
    Account createOrFind(String name) throws IOException, InterruptedException {
        HttpResponse<String> created =
                send("POST", "/accounts", Json.write(Map.of("name", name)), Map.of("Idempotency-Key", "demo-account"));
        if (created.statusCode() == 201 || created.statusCode() == 200) {
            return Account.of(Json.mapper().readTree(created.body()));
        }
        if (created.statusCode() != 409) {
            throw new DemoException("POST /accounts answered " + created.statusCode() + ": " + created.body());
        }
        return find();
    }

    Account find() throws IOException, InterruptedException {
        HttpResponse<String> me = send("GET", "/accounts/me", null, Map.of());
        if (me.statusCode() != 200) {
            throw new DemoException("GET /accounts/me answered " + me.statusCode() + ": " + me.body());
        }
        return Account.of(Json.mapper().readTree(me.body()));
    }

    /**
     * Tracks every page, in rounds {@code pause} apart, until all are tracked or {@code deadline} nanos (of {@link
     * System#nanoTime}) pass; returns how many are tracked.
     */
    int track(List<String> pageIds, Duration pause, long deadline) throws InterruptedException {
        List<String> pending = new ArrayList<>(pageIds);
        Map<String, String> refused = new ConcurrentHashMap<>();
        while (true) {
            List<String> missing = trackRound(pending, refused);
            int tracked = pageIds.size() - missing.size() - refused.size();
            if (missing.isEmpty() || System.nanoTime() + pause.toNanos() > deadline) {
                out.printf(
                        "demo: %d/%d pages tracked%s%n",
                        tracked,
                        pageIds.size(),
                        missing.isEmpty() ? "" : "; " + missing.size() + " never appeared in the pages index in time");
                refused.forEach((id, why) -> out.printf("demo: page %s refused: %s%n", id, why));
                return tracked;
            }
            out.printf(
                    "demo: %d/%d pages tracked; %d not indexed yet, asking again in %d s%n",
                    tracked, pageIds.size(), missing.size(), pause.toSeconds());
            pending = missing;
            Thread.sleep(pause);
        }
    }

    /** One PUT per page, a few in flight; returns the pages that are not in the index yet. */
    private List<String> trackRound(List<String> pageIds, Map<String, String> refused) throws InterruptedException {
        List<String> missing = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            Semaphore lanes = new Semaphore(IN_FLIGHT);
            for (String id : pageIds) {
                answers.add(pool.submit(() -> {
                    lanes.acquire();
                    try {
                        return send("PUT", "/accounts/me/tracked-pages/" + id, null, Map.of());
                    } finally {
                        lanes.release();
                    }
                }));
            }
            for (int i = 0; i < pageIds.size(); i++) {
                String id = pageIds.get(i);
                HttpResponse<String> answer;
                try {
                    answer = answers.get(i).get();
                } catch (ExecutionException e) {
                    missing.add(id); // the API did not answer: ask again next round
                    continue;
                }
                switch (answer.statusCode()) {
                    case 200, 201 -> {}
                    case 404 -> missing.add(id);
                    default -> refused.put(id, answer.statusCode() + " " + answer.body());
                }
            }
        }
        return missing;
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the demo needs of the account. */
    record Account(String accountId, String plan, int trackedPagesLimit) {
        static Account of(JsonNode json) {
            return new Account(
                    json.path("accountId").asText(),
                    json.path("plan").asText(),
                    json.path("limits").path("trackedPages").asInt());
        }
    }

    /** The API refused what the demo needs; the message says how. */
    static final class DemoException extends RuntimeException {
        DemoException(String message) {
            super(message);
        }
    }
}
