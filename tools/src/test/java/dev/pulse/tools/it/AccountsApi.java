package dev.pulse.tools.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.search.IndexDefinitions;
import dev.pulse.local.LocalRuntime;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.auth.DevTokens;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.auth.TokenRequest;
import dev.pulse.local.bootstrap.TableResources;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The accounts and mentions functions behind the local HTTP API emulator and its JWT authorizer, on tables, a pages
 * index and cache namespaces of their own: starts them, issues tokens (good, expired, foreign-signed) and sends
 * requests. One per test class; every caller a test makes is a fresh {@link Unique} subject.
 */
final class AccountsApi implements AutoCloseable {
    static final String ISSUER = "https://pulse.local/dev";
    static final String AUDIENCE = "pulse-web";
    static final String READ = PulseTopology.ACCOUNTS_READ_SCOPE;
    static final String WRITE = PulseTopology.ACCOUNTS_WRITE_SCOPE;
    static final String READ_WRITE = READ + " " + WRITE;

    final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    final SearchAdmin search = new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));
    private final String id = Unique.name("it-accounts");
    private final String pagesIndex = id + "-pages-v2";
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DevTokens tokens;
    private final DevTokens strangers;
    private LocalFunctions functions;
    private HttpApiServer api;
    private String base;

    /** Starts both functions and the emulator; {@code log} takes the functions' and the runtime's JSON lines. */
    AccountsApi(PrintStream log) {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            tokens = new DevTokens(keys.getPrivate(), ISSUER, AUDIENCE);
            strangers = new DevTokens(generator.generateKeyPair().getPrivate(), ISSUER, AUDIENCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        try {
            Topology topology = PulseTopology.define();
            Map<String, String> overrides = resources(topology);
            Map<String, String> variables = new HashMap<>(System.getenv());
            variables.put("PULSE_API_PORT", "0");
            LocalSettings settings = LocalSettings.fromEnvironment(variables);
            JsonLog json = new JsonLog(log, false);
            functions = new LocalFunctions(topology, settings, json, overrides);
            api = new HttpApiServer(
                    new RouteTable(topology.routes()),
                    functions,
                    Optional.of(new JwtAuthorizer(keys.getPublic(), ISSUER, AUDIENCE)),
                    new HttpEventFactory(LocalSettings.ACCOUNT_ID, LocalRuntime.API_ID),
                    json);
            base = "http://127.0.0.1:" + api.start(0);
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * One variable per grant of the HTTP functions, naming a resource of this fixture: a table per table grant, the
     * pages alias over an index made from the topology's definition, and a cache namespace per cache.
     */
    private Map<String, String> resources(Topology topology) {
        Map<String, String> overrides = new HashMap<>();
        TableResources creator = new TableResources(dynamo, id + "-");
        for (String name : List.of(PulseTopology.ACCOUNTS_FUNCTION, PulseTopology.MENTIONS_FUNCTION)) {
            FunctionSpec function = topology.requireFunction(name);
            for (Access access : function.access()) {
                String physical = switch (access.kind()) {
                    case TABLE ->
                        tables.computeIfAbsent(access.resource(), t -> {
                            creator.ensure(spec(topology, t));
                            return id + "-" + t;
                        });
                    case SEARCH -> id + "-" + access.resource();
                    case CACHE -> id + "-" + access.resource();
                    default -> throw new IllegalStateException("no test resource for " + access);
                };
                overrides.put(access.environmentVariable(), physical);
            }
        }
        AliasSpec pages = topology.aliases().stream()
                .filter(a -> a.alias().equals(PulseTopology.PAGES_ALIAS))
                .findFirst()
                .orElseThrow();
        search.send("PUT", "/" + pagesIndex, IndexDefinitions.load(pages.definition()));
        search.send(
                "POST",
                "/_aliases",
                "{\"actions\":[{\"add\":{\"index\":\"" + pagesIndex + "\",\"alias\":\"" + id + "-"
                        + PulseTopology.PAGES_ALIAS + "\"}}]}");
        return overrides;
    }

    private static TableSpec spec(Topology topology, String name) {
        return topology.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** This fixture's physical name of a topology table. */
    String table(String logical) {
        return tables.get(logical);
    }

    /** Indexes pages (id → name) in this fixture's pages index and makes them searchable. */
    void indexPages(Map<String, String> pages) {
        StringBuilder bulk = new StringBuilder();
        pages.forEach((pageId, name) -> {
            ObjectNode page = Json.mapper().createObjectNode();
            page.put("pageId", pageId);
            page.put("name", name);
            page.put("fans", 1000 + pageId.length());
            bulk.append("{\"index\":{\"_id\":\"").append(pageId).append("\"}}\n");
            bulk.append(Json.write(page)).append('\n');
        });
        JsonNode answer = search.send("POST", "/" + pagesIndex + "/_bulk?refresh=true", bulk.toString());
        if (answer.path("errors").asBoolean()) {
            throw new IllegalStateException("indexing pages failed: " + answer);
        }
    }

    /** A token the authorizer accepts, valid for an hour. */
    String token(String sub, String scopes) {
        return tokens.issue(sub, null, scopes, Instant.now(), Duration.ofHours(1));
    }

    /** A valid token that also claims an account: the function must ignore the claim. */
    String tokenClaiming(String sub, String account, String scopes) {
        return tokens.issue(sub, account, scopes, Instant.now(), Duration.ofHours(1));
    }

    /** A token of the right key shaped by the test (not valid yet, another audience, no scope). */
    String token(java.util.function.UnaryOperator<TokenRequest> shape, String sub) {
        return tokens.issue(shape.apply(tokens.request(sub)), Instant.now());
    }

    /** A token of the right key that expired an hour ago. */
    String expiredToken(String sub, String scopes) {
        return tokens.issue(sub, null, scopes, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** A well-formed, unexpired token signed by a key the issuer never published. */
    String wrongKeyToken(String sub, String scopes) {
        return strangers.issue(sub, null, scopes, Instant.now(), Duration.ofHours(1));
    }

    /** A JSON request with a fresh Idempotency-Key; {@code token} and {@code body} may be null. */
    HttpResponse<String> send(String method, String path, String token, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("idempotency-key", Unique.name("k"));
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        return send(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A request exactly as given: the raw path (with its query), these headers, these body bytes (null for none). */
    HttpResponse<String> send(String method, String rawPathAndQuery, Map<String, String> headers, byte[] body) {
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
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The emulator's port on 127.0.0.1, for clients that write their own bytes. */
    int port() {
        return URI.create(base).getPort();
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body(), JsonNode.class);
    }

    @Override
    public void close() {
        try {
            if (api != null) {
                api.close();
            }
            if (functions != null) {
                functions.close();
            }
            search.send("DELETE", "/" + pagesIndex, null);
            List<String> names = new ArrayList<>(tables.values());
            names.forEach(t -> dynamo.deleteTable(d -> d.tableName(t)));
        } finally {
            dynamo.close();
        }
    }
}
