package dev.pulse.local.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.local.auth.AuthorizerDecision;
import dev.pulse.local.auth.JsonWebKeys;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunction;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.local.web.WebApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP API emulator: the JDK's HTTP server (keep-alive, one virtual thread per exchange) in front of the route
 * table, the JWT authorizer and the in-JVM functions, answering with API Gateway's own errors where it would.
 */
public final class HttpApiServer implements AutoCloseable {
    /** API Gateway gives up on an integration after 30 s, whatever the function's timeout. */
    static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

    /** HTTP APIs accept request payloads of up to 10 MB. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** Where the local issuer's key set is served, beside the routes. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RouteTable routes;
    private final LocalFunctions functions;
    private final Optional<JwtAuthorizer> authorizer;
    private final HttpEventFactory events;
    private final JsonLog log;
    private final WebApp web;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private Duration integrationTimeout = INTEGRATION_TIMEOUT;

    public HttpApiServer(
            RouteTable routes,
            LocalFunctions functions,
            Optional<JwtAuthorizer> authorizer,
            HttpEventFactory events,
            JsonLog log) {
        this(routes, functions, authorizer, events, log, WebApp.none());
    }

    /** The API plus, on paths no route takes, the web app (and its local-only dev sign-in). */
    public HttpApiServer(
            RouteTable routes,
            LocalFunctions functions,
            Optional<JwtAuthorizer> authorizer,
            HttpEventFactory events,
            JsonLog log,
            WebApp web) {
        this.web = web;
        this.routes = routes;
        this.functions = functions;
        this.authorizer = authorizer;
        this.events = events;
        this.log = log;
    }

    /** A shorter integration timeout than API Gateway's 30 s, so a test can reach it quickly. */
    HttpApiServer integrationTimeout(Duration timeout) {
        this.integrationTimeout = timeout;
        return this;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and returns the bound port. */
    public int start(int port) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        HttpResponseData response;
        String requestId = requestId();
        try (exchange) {
            try {
                response = respond(read(exchange), requestId);
            } catch (RuntimeException | IOException e) {
                log.runtime("ERROR", "HTTP API request " + requestId + " failed: " + e);
                response = HttpResponseData.internalError();
            }
            write(exchange, response, requestId);
        }
    }

    HttpResponseData respond(HttpRequestData request, String requestId) {
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponseData.gatewayError(413, "Request Entity Too Large");
        }
        if (!RouteTable.wellEncoded(request.rawPath()) || !RouteTable.wellEncoded(request.rawQuery())) {
            return HttpResponseData.gatewayError(400, "Bad Request");
        }
        if (JWKS_PATH.equals(request.rawPath()) && request.method().equals("GET")) {
            return jwks();
        }
        Optional<HttpResponseData> signIn = web.beforeRoutes(request);
        if (signIn.isPresent()) {
            return signIn.get();
        }
        Optional<RouteTable.Match> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return web.afterRoutes(request).orElseGet(HttpResponseData::notFound);
        }
        Optional<ObjectNode> auth = Optional.empty();
        RouteSpec route = match.get().route();
        if (route.authorized()) {
            AuthorizerDecision decision = authorizer
                    .map(a -> a.authorize(request.header("authorization"), route.scopes()))
                    .orElseGet(() -> new AuthorizerDecision.Unauthorized(Optional.empty()));
            switch (decision) {
                case AuthorizerDecision.Allowed allowed -> auth = Optional.of(allowed.context());
                case AuthorizerDecision.Unauthorized denied -> {
                    return denied.reason()
                            .map(HttpResponseData::invalidToken)
                            .orElseGet(HttpResponseData::unauthorized);
                }
                case AuthorizerDecision.Forbidden denied -> {
                    return HttpResponseData.insufficientScope(route.scopes(), denied.reason());
                }
            }
        }
        ObjectNode event = events.event(request, match.get(), requestId, Instant.now(), auth);
        LocalFunction function = functions.require(match.get().route().function());
        if (function.identity().timeout().compareTo(INTEGRATION_TIMEOUT) > 0) {
            log.runtime("WARN", "function " + function.identity().name() + " outlives API Gateway's 30 s timeout");
        }
        String payload = Json.write(event);
        Future<InvocationResult> invocation = executor.submit(() -> function.invoke(payload));
        InvocationResult result;
        try {
            result = invocation.get(integrationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // API Gateway stops waiting and answers 503; the invocation runs on to its own timeout, its answer unused
            log.runtime(
                    "WARN",
                    "function " + function.identity().name() + " did not answer within the "
                            + integrationTimeout.toSeconds() + " s integration timeout: 503");
            return HttpResponseData.serviceUnavailable();
        } catch (ExecutionException e) {
            return HttpResponseData.internalError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponseData.serviceUnavailable();
        }
        if (result.failed()) {
            return HttpResponseData.internalError();
        }
        return HttpResponseMapper.map(result.response());
    }

    /**
     * The issuer's key set, which Cognito serves at its own {@code /.well-known/jwks.json}; locally the API's port
     * serves it, so a client can verify a dev token as it would a Cognito one. Without a dev key the set is empty.
     */
    private HttpResponseData jwks() {
        ObjectNode document = authorizer
                .map(a -> a.keys().document())
                .orElseGet(() -> JsonWebKeys.of().document());
        return new HttpResponseData(
                200,
                Map.of("content-type", List.of("application/json")),
                Json.write(document).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequestData read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .addAll(values));
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        headers.computeIfAbsent("x-forwarded-for", k -> new ArrayList<>()).add(sourceIp);
        headers.putIfAbsent(
                "x-forwarded-port",
                List.of(Integer.toString(exchange.getLocalAddress().getPort())));
        headers.putIfAbsent("x-forwarded-proto", List.of("http"));
        headers.putIfAbsent("x-amzn-trace-id", List.of(traceId()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new HttpRequestData(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getProtocol(),
                sourceIp,
                headers,
                body);
    }

    private static void write(HttpExchange exchange, HttpResponseData response, String requestId) throws IOException {
        var headers = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        headers.set("apigw-requestid", requestId);
        boolean noBody =
                response.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** API Gateway's request ids look like {@code JKJaXmPLvHcESHA=}: 11 random bytes in base64. */
    static String requestId() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String traceId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(1);
        }
        executor.shutdownNow();
    }
}
