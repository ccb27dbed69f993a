package dev.pulse.tools.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A backend on loopback that a test shapes: it records every request's headers, and answers with a fixed status, after
 * a delay, or by forwarding to a real backend and rewriting the body (a planted difference). A fault injector for the
 * proxy's tests; the v1 stand-in itself never sleeps.
 */
final class StubServer implements AutoCloseable {
    /** One request as received: method, path with query, lower-cased headers. */
    record Received(String method, String pathAndQuery, Map<String, String> headers) {}

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    final List<Received> received = new CopyOnWriteArrayList<>();

    private StubServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders()
                        .forEach((n, v) -> headers.put(n.toLowerCase(Locale.ROOT), String.join(",", v)));
                String target = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery());
                Received request = new Received(exchange.getRequestMethod(), target, headers);
                received.add(request);
                handler.handle(request, exchange, this);
            }
        });
        server.start();
    }

    @FunctionalInterface
    interface Handler {
        void handle(Received request, HttpExchange exchange, StubServer self) throws IOException;
    }

    /** Answers every request with {@code status} and {@code body}. */
    static StubServer answering(int status, String body) throws IOException {
        return new StubServer((request, exchange, self) -> reply(exchange, status, body));
    }

    /** Answers 200 after {@code delay}: slower than the proxy's timeout for the new service. */
    static StubServer slow(Duration delay) throws IOException {
        return new StubServer((request, exchange, self) -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "{}");
        });
    }

    /** Forwards GETs to {@code base} (headers as received) and rewrites each answer's body with {@code rewrite}. */
    static StubServer forwarding(String base, UnaryOperator<String> rewrite) throws IOException {
        return new StubServer((request, exchange, self) -> {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                    .timeout(Duration.ofSeconds(10));
            String authorization = request.headers().get("authorization");
            if (authorization != null) {
                forward.header("authorization", authorization);
            }
            try {
                HttpResponse<String> answer = self.http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                reply(exchange, answer.statusCode(), rewrite.apply(answer.body()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 502, "{}");
            }
        });
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
