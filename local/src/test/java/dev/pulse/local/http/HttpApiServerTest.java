package dev.pulse.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.auth.DevTokens;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API emulator over a real loopback socket, with test functions behind each route. */
class HttpApiServerTest {
    private static final String ISSUER = "https://pulse.local/dev";
    /** Short, so the 503 test is quick; above the "slow" function's 1 s timeout, so that one still answers 500. */
    private static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(3);

    private static KeyPair keys;
    private static LocalFunctions functions;
    private static HttpApiServer server;
    private static String base;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Topology topology = new Topology(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(
                        function("echo", HttpTestFunctions.Echo.class, 5),
                        function("throwing", HttpTestFunctions.Throwing.class, 5),
                        function("slow", HttpTestFunctions.Slow.class, 1),
                        function("outlasting", HttpTestFunctions.Slow.class, 20),
                        function("binary", HttpTestFunctions.Binary.class, 5),
                        function("plain", HttpTestFunctions.Plain.class, 5)),
                List.of(
                        new RouteSpec("GET", "/echo/{id}", "echo", false),
                        new RouteSpec("POST", "/echo/{id}", "echo", false),
                        RouteSpec.scoped("GET", "/me", "echo", "pulse/read"),
                        new RouteSpec("GET", "/me/any-token", "echo", true),
                        RouteSpec.scoped("GET", "/admin", "echo", "pulse/admin", "pulse/owner"),
                        new RouteSpec("GET", "/throwing", "throwing", false),
                        new RouteSpec("GET", "/slow", "slow", false),
                        new RouteSpec("GET", "/outlasting", "outlasting", false),
                        new RouteSpec("POST", "/binary", "binary", false),
                        new RouteSpec("ANY", "/plain/{proxy+}", "plain", false)),
                List.of(),
                List.of());
        LocalSettings settings = LocalSettings.fromEnvironment(Map.of());
        functions = new LocalFunctions(topology, settings, new JsonLog(System.out, false));
        server = new HttpApiServer(
                        new RouteTable(topology.routes()),
                        functions,
                        Optional.of(new JwtAuthorizer(keys.getPublic(), ISSUER, "pulse-web")),
                        new HttpEventFactory("000000000000", "pulselocal"),
                        new JsonLog(System.out, false))
                .integrationTimeout(INTEGRATION_TIMEOUT);
        base = "http://127.0.0.1:" + server.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        functions.close();
    }

    private static FunctionSpec function(String name, Class<?> handler, int timeoutSeconds) {
        return new FunctionSpec(
                name, "local", handler.getName(), 256, Duration.ofSeconds(timeoutSeconds), Map.of(), List.of());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenRoute_whenCalled_thenHandlerGetsPayloadV2AndItsResponseIsReturnedAsIs() throws Exception {
        HttpResponse<String> response = get("/echo/42?q=new%20yo&tag=a&tag=b", "Cookie", "s=1; t=2", "X-Custom", "v");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-echo")).contains("yes");
        assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder("a=1", "b=2");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        JsonNode echo = Json.read(response.body(), JsonNode.class);
        assertThat(echo.get("routeKey").asText()).isEqualTo("GET /echo/{id}");
        assertThat(echo.get("rawQueryString").asText()).isEqualTo("q=new%20yo&tag=a&tag=b");
        assertThat(echo.at("/query/q").asText()).isEqualTo("new yo");
        assertThat(echo.at("/query/tag").asText()).isEqualTo("a,b");
        assertThat(echo.at("/path/id").asText()).isEqualTo("42");
        assertThat(echo.get("cookies")).hasSize(2);
        assertThat(echo.at("/headers/x-custom").asText()).isEqualTo("v");
        assertThat(echo.at("/headers/cookie").isMissingNode()).isTrue();
        assertThat(echo.get("stage").asText()).isEqualTo("$default");
        assertThat(echo.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(echo.get("functionName").asText()).isEqualTo("echo");
        assertThat(echo.get("logGroup").asText()).isEqualTo("/aws/lambda/echo");
        assertThat(echo.get("memory").asInt()).isEqualTo(256);
        assertThat(echo.get("remainingMs").asInt()).isBetween(1, 5_000);
    }

    @Test
    void givenTextBody_whenPosted_thenPassedAsTextNotBase64() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/echo/1"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"pageId\":\"1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode echo = Json.read(response.body(), JsonNode.class);
        assertThat(echo.get("body").asText()).isEqualTo("{\"pageId\":\"1\"}");
        assertThat(echo.get("base64").asBoolean()).isFalse();
        assertThat(echo.get("method").asText()).isEqualTo("POST");
    }

    @Test
    void givenBinaryBody_whenEchoedAsBase64_thenClientGetsTheSameBytes() throws Exception {
        byte[] bytes = {0, (byte) 0xff, 0x10, (byte) 0x80, 42};
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/binary"))
                        .header("content-type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsExactly(bytes);
    }

    @Test
    void givenPlainObjectResponse_whenNoStatusCode_thenInferred200Json() throws Exception {
        HttpResponse<String> response = get("/plain/any/depth");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void givenBodyOverTenMegabytes_whenPosted_then413() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/binary"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void givenUnknownRoute_whenCalled_then404NotFound() throws Exception {
        HttpResponse<String> response = get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void givenMalformedPercentEscape_whenSentOverTheWire_then400NotA500() throws Exception {
        // java.net.URI refuses these targets, so they go over a raw socket as curl would send them. The JDK's server
        // rejects them before the emulator runs (its own text/html 400), so no handler and no 500 are ever reached.
        for (String target : List.of("/echo/1?q=50%", "/echo/1?q=%zz", "/echo/50%")) {
            String response = rawGet(target);

            assertThat(response).as(target).startsWith("HTTP/1.1 400").doesNotContain("\tat ");
        }
    }

    @Test
    void givenMalformedPercentEscape_whenItReachesTheEmulator_then400JsonLikeApiGateway() {
        for (String[] target : new String[][] {{"/echo/1", "q=50%"}, {"/echo/1", "q=%4"}, {"/echo/5%zz", null}}) {
            HttpResponseData response = server.respond(
                    new HttpRequestData("GET", target[0], target[1], "HTTP/1.1", "127.0.0.1", Map.of(), new byte[0]),
                    "req");

            assertThat(response.status()).as(target[0]).isEqualTo(400);
            assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"message\":\"Bad Request\"}");
        }
    }

    @Test
    void givenEncodedPercent_whenCalled_thenDecodedOnceForTheHandler() throws Exception {
        JsonNode echo = Json.read(get("/echo/1?q=50%25").body(), JsonNode.class);

        assertThat(echo.at("/query/q").asText()).isEqualTo("50%");
        assertThat(echo.get("rawQueryString").asText()).isEqualTo("q=50%25");
    }

    private static String rawGet(String target) throws Exception {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void givenThrowingHandler_whenCalled_then500WithoutStackTrace() throws Exception {
        HttpResponse<String> response = get("/throwing");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void givenHandlerStillRunningAtTheIntegrationTimeout_whenCalled_then503AtThatTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get("/outlasting");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        // answered by the gateway's timer, not by the function's own 20 s timeout (a bound, not a timing claim)
        assertThat(waited).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void givenBodyWithoutContentType_whenPosted_thenItArrivesBase64AsOnApiGateway() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/echo/1"))
                        .POST(HttpRequest.BodyPublishers.ofString("a=1&b=2"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode echo = Json.read(response.body(), JsonNode.class);
        assertThat(echo.get("base64").asBoolean()).isTrue();
        assertThat(new String(
                        java.util.Base64.getDecoder().decode(echo.get("body").asText()), StandardCharsets.UTF_8))
                .isEqualTo("a=1&b=2");
    }

    @Test
    void givenHandlerPastItsTimeout_whenCalled_then500() throws Exception {
        HttpResponse<String> response = get("/slow");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    private static String token(String scope, Duration ttl) {
        return new DevTokens(keys.getPrivate(), ISSUER, "pulse-web")
                .issue("user-1", "acct-1", scope, Instant.now(), ttl);
    }

    @Test
    void givenAuthorizedRoute_whenNoToken_then401() throws Exception {
        HttpResponse<String> response = get("/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).contains("Bearer");
    }

    @Test
    void givenAuthorizedRoute_whenTokenExpired_then401NamingTheCheck() throws Exception {
        HttpResponse<String> response =
                get("/me", "Authorization", "Bearer " + token("pulse/read", Duration.ofMinutes(-1)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate"))
                .contains("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"");
    }

    @Test
    void givenScopedRoute_whenValidTokenLacksItsScopes_then403AndTheHandlerIsNotCalled() throws Exception {
        HttpResponse<String> response =
                get("/admin", "Authorization", "Bearer " + token("pulse/read pulse/write", Duration.ofMinutes(5)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers().firstValue("x-echo")).isEmpty();
        assertThat(response.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(v -> assertThat(v)
                        .startsWith("Bearer scope=\"pulse/admin pulse/owner\" error=\"insufficient_scope\""));
    }

    @Test
    void givenScopedRoute_whenTokenHoldsOneOfItsScopes_thenServed() throws Exception {
        HttpResponse<String> response =
                get("/admin", "Authorization", "Bearer " + token("pulse/owner", Duration.ofMinutes(5)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Json.read(response.body(), JsonNode.class).get("scopes"))
                .extracting(JsonNode::asText)
                .containsExactly("pulse/owner");
    }

    @Test
    void givenAuthorizedRouteWithoutScopes_whenValidToken_thenClaimsButNullScopesReachTheHandler() throws Exception {
        HttpResponse<String> response =
                get("/me/any-token", "Authorization", token("pulse/read", Duration.ofMinutes(5)));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode echo = Json.read(response.body(), JsonNode.class);
        assertThat(echo.at("/claims/sub").asText()).isEqualTo("user-1");
        assertThat(echo.at("/claims/scope").asText()).isEqualTo("pulse/read");
        // The echo's JSON leaves nulls out: the handler's typed event had no scopes at all.
        assertThat(echo.hasNonNull("scopes")).isFalse();
    }

    @Test
    void givenJwksEndpoint_whenFetched_thenItsKeyVerifiesADevTokenByKid() throws Exception {
        String token = token("pulse/read", Duration.ofMinutes(5));

        HttpResponse<String> response = get(HttpApiServer.JWKS_PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode jwk = Json.read(response.body(), JsonNode.class).get("keys").get(0);
        assertThat(jwk.get("kty").asText()).isEqualTo("RSA");
        assertThat(jwk.get("alg").asText()).isEqualTo("RS256");
        assertThat(jwk.get("use").asText()).isEqualTo("sig");
        assertThat(jwk.get("n").asText()).isNotBlank();
        assertThat(jwk.get("e").asText()).isEqualTo("AQAB");
        // jjwt's own JWK Set parser reads the document, so the check does not reuse the emulator's JWK code.
        JwkSet set = Jwks.setParser().build().parse(response.body());
        String kid = Json.read(
                        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8),
                        JsonNode.class)
                .get("kid")
                .asText();
        Jwk<?> key = set.getKeys().stream()
                .filter(k -> kid.equals(k.getId()))
                .findFirst()
                .orElseThrow();
        Claims claims = Jwts.parser()
                .verifyWith((PublicKey) key.toKey())
                .build()
                .parseSignedClaims(token)
                .getPayload();
        assertThat(claims.getSubject()).isEqualTo("user-1");
    }

    @Test
    void givenAuthorizedRoute_whenValidToken_thenClaimsAndScopesReachTheHandler() throws Exception {
        String token = token("pulse/read pulse/write", Duration.ofMinutes(5));

        HttpResponse<String> response = get("/me", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode echo = Json.read(response.body(), JsonNode.class);
        assertThat(echo.at("/claims/sub").asText()).isEqualTo("user-1");
        assertThat(echo.at("/claims/account").asText()).isEqualTo("acct-1");
        assertThat(echo.at("/claims/exp").asText()).matches("\\d+");
        assertThat(echo.get("scopes")).extracting(JsonNode::asText).containsExactly("pulse/read", "pulse/write");
    }
}
