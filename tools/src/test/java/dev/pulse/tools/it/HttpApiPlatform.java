package dev.pulse.tools.it;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.pulse.local.auth.JsonWebKeys;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.auth.TokenRequest;
import dev.pulse.local.bootstrap.TableResources;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.local.web.WebApp;
import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every HTTP function of the topology behind the local API emulator and a JWT authorizer with a key of its own, on
 * tables, a pages alias (seeded with the given pages) and cache namespaces of their own: starts them, issues tokens
 * (good, expired, foreign-signed, shaped by the test) and sends requests. {@link #serve(Map)} starts another emulator
 * over the same resources with some variables replaced (a dependency's endpoint closed), for the outage answers. Every
 * caller a test makes is a fresh {@link Unique} subject.
 */
final class HttpApiPlatform implements AutoCloseable {
    static final String READ = PulseTopology.ACCOUNTS_READ_SCOPE;
    static final String WRITE = PulseTopology.ACCOUNTS_WRITE_SCOPE;
    static final String READ_WRITE = READ + " " + WRITE;

    final Topology topology = PulseTopology.define();
    final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();

    private final String id = Unique.name("it-api");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalSettings settings;
    private final KeyPair keys;
    private final DevTokens tokens;
    /** Tokens signed by a key the authorizer does not know. */
    private final DevTokens strangers;

    private final Map<String, String> resources = new HashMap<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final WebApp web;
    private TestPagesIndex pages;
    private LocalFunctions functions;
    private String base;

    /** The platform and its emulator, over pages seeded with {@code seed}. */
    HttpApiPlatform(List<PageDocument> seed) {
        this(seed, Map.of());
    }

    /** The platform and its emulator, whose functions see {@code replaced} variables on top of the resources. */
    HttpApiPlatform(List<PageDocument> seed, Map<String, String> replaced) {
        this(seed, replaced, WebApp.none());
    }

    /** The platform and its emulator, which also serves {@code web} on the paths no route takes (the web app's tests). */
    HttpApiPlatform(List<PageDocument> seed, WebApp web) {
        this(seed, Map.of(), web);
    }

    private HttpApiPlatform(List<PageDocument> seed, Map<String, String> replaced, WebApp web) {
        this.web = web;
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("PULSE_API_PORT", "0");
        settings = LocalSettings.fromEnvironment(variables);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            tokens = new DevTokens(keys.getPrivate(), settings.jwtIssuer(), settings.jwtAudience());
            strangers = new DevTokens(
                    generator.generateKeyPair().getPrivate(), settings.jwtIssuer(), settings.jwtAudience());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        try {
            pages = new TestPagesIndex(seed);
            createResources();
            functions = functions(replaced);
            base = serve(functions);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * One variable per grant of the functions, naming a resource of this platform: a table per topology table, the
     * pages alias, and a cache namespace per cache. Streams and queues: no HTTP function uses them.
     */
    private void createResources() {
        TableResources creator = new TableResources(dynamo, id + "-");
        for (FunctionSpec function : topology.functions()) {
            for (Access access : function.access()) {
                switch (access.kind()) {
                    case TABLE -> {
                        String table = tables.computeIfAbsent(access.resource(), t -> {
                            creator.ensure(topology.tables().stream()
                                    .filter(spec -> spec.name().equals(t))
                                    .findFirst()
                                    .orElseThrow());
                            return id + "-" + t;
                        });
                        resources.put(access.environmentVariable(), table);
                    }
                    case SEARCH -> {
                        if (access.resource().equals(PulseTopology.PAGES_ALIAS)) {
                            resources.put(access.environmentVariable(), pages.alias);
                        }
                    }
                    case CACHE ->
                        resources.computeIfAbsent(access.environmentVariable(), v -> id + "-" + access.resource());
                    default -> {
                        // streams and queues: no HTTP function here uses them
                    }
                }
            }
        }
    }

    /** The base URL of this platform's emulator. */
    String base() {
        return base;
    }

    /** The functions behind this platform's emulator (every function of the topology, ingest included). */
    LocalFunctions functions() {
        return functions;
    }

    /** Another emulator over this platform's resources, with {@code replaced} variables on top; its base URL. */
    String serve(Map<String, String> replaced) {
        return serve(functions(replaced));
    }

    private LocalFunctions functions(Map<String, String> replaced) {
        Map<String, String> overrides = new HashMap<>(resources);
        overrides.putAll(replaced);
        LocalFunctions made = new LocalFunctions(topology, settings, new JsonLog(System.out, false), overrides);
        running.add(made);
        return made;
    }

    private String serve(LocalFunctions over) {
        HttpApiServer api = new HttpApiServer(
                new RouteTable(topology.routes()),
                over,
                Optional.of(new JwtAuthorizer(keys.getPublic(), settings.jwtIssuer(), settings.jwtAudience())),
                new HttpEventFactory(LocalSettings.ACCOUNT_ID, LocalRuntime.API_ID),
                new JsonLog(System.out, false),
                web);
        running.add(api);
        try {
            return "http://127.0.0.1:" + api.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages alias this platform seeded. */
    String pagesAlias() {
        return pages.alias;
    }

    /** The physical name this platform gave a topology table. */
    String table(String logical) {
        return tables.get(logical);
    }

    // ---- tokens ----------------------------------------------------------------------------------------------------

    /** A token the authorizer accepts, valid for an hour. */
    String token(String subject, String scopes) {
        return tokens.issue(subject, null, scopes, Instant.now(), Duration.ofHours(1));
    }

    /** A valid token that also claims an account: the function must ignore the claim. */
    String tokenClaiming(String subject, String account, String scopes) {
        return tokens.issue(subject, account, scopes, Instant.now(), Duration.ofHours(1));
    }

    /** A token of the right key shaped by the test (not valid yet, another audience, no scope). */
    String token(UnaryOperator<TokenRequest> shape, String subject) {
        return tokens.issue(shape.apply(tokens.request(subject)), Instant.now());
    }

    /** A token of the right key that expired an hour ago. */
    String expiredToken(String subject, String scopes) {
        return tokens.issue(subject, null, scopes, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** A well-formed, unexpired token signed by a key the issuer never published. */
    String wrongKeyToken(String subject, String scopes) {
        return strangers.issue(subject, null, scopes, Instant.now(), Duration.ofHours(1));
    }

    /** A token the authorizer accepts, but without {@code sub}: only the function can refuse it. */
    String tokenWithoutSubject(String scopes) {
        Instant now = Instant.now();
        var token = Jwts.builder().header().keyId(keyId()).and().issuer(settings.jwtIssuer());
        token.audience().single(settings.jwtAudience());
        return token.claim("scope", scopes)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofHours(1))))
                .signWith(keys.getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    /** The {@code kid} of the authorizer's key. */
    String keyId() {
        return JsonWebKeys.thumbprint((RSAPublicKey) keys.getPublic());
    }

    // ---- requests --------------------------------------------------------------------------------------------------

    /** The headers of a JSON request with this Idempotency-Key; {@code token} may be null. */
    static Map<String, String> jsonHeaders(String token, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("idempotency-key", idempotencyKey);
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        return headers;
    }

    /** The body's UTF-8 bytes, or null for none. */
    static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON request to this platform's emulator with a fresh Idempotency-Key; {@code token} and {@code body} may be null. */
    HttpResponse<String> send(String method, String path, String token, String body) {
        return send(method, path, jsonHeaders(token, Unique.name("k")), bytes(body));
    }

    /** A request to this platform's emulator exactly as given: the raw path (with its query), headers and body bytes. */
    HttpResponse<String> send(String method, String rawPathAndQuery, Map<String, String> headers, byte[] body) {
        return send(base, method, rawPathAndQuery, headers, body);
    }

    /** A request exactly as given to the emulator at {@code base} (this platform's or one {@link #serve(Map)} started). */
    HttpResponse<String> send(
            String base, String method, String rawPathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body(), JsonNode.class);
    }

    @Override
    public void close() {
        try {
            for (AutoCloseable each : running.reversed()) {
                each.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                if (pages != null) {
                    pages.close();
                }
                tables.values().forEach(t -> dynamo.deleteTable(d -> d.tableName(t)));
            } finally {
                dynamo.close();
            }
        }
    }
}
