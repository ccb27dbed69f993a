package dev.pulse.tools.it;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalRuntime;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.auth.DevTokens;
import dev.pulse.local.auth.JsonWebKeys;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every HTTP function of the topology behind the local API emulator and a JWT authorizer with a key of its own, on a
 * pages alias, tables and cache namespaces of their own. {@link #serve(Map)} starts another emulator over the same
 * resources with some variables replaced (a dependency's endpoint closed), for the outage answers.
 */
final class HttpApiPlatform implements AutoCloseable {
    final Topology topology = PulseTopology.define();
    final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    final TestPagesIndex pages;
    final DevTokens tokens;
    /** Tokens signed by a key the authorizer does not know. */
    final DevTokens strangers;

    private final LocalSettings settings;
    private final KeyPair keys;
    private final Map<String, String> resources = new HashMap<>();
    private final List<String> tables = new ArrayList<>();
    private final List<AutoCloseable> running = new ArrayList<>();

    HttpApiPlatform(List<PageDocument> seed) throws GeneralSecurityException {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("PULSE_API_PORT", "0");
        settings = LocalSettings.fromEnvironment(variables);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        tokens = new DevTokens(keys.getPrivate(), settings.jwtIssuer(), settings.jwtAudience());
        strangers =
                new DevTokens(generator.generateKeyPair().getPrivate(), settings.jwtIssuer(), settings.jwtAudience());
        pages = new TestPagesIndex(seed);
        for (FunctionSpec function : topology.functions()) {
            for (Access access : function.access()) {
                switch (access.kind()) {
                    case TABLE ->
                        resources.computeIfAbsent(access.environmentVariable(), v -> createTable(access.resource()));
                    case SEARCH -> {
                        if (access.resource().equals(PulseTopology.PAGES_ALIAS)) {
                            resources.put(access.environmentVariable(), pages.alias);
                        }
                    }
                    case CACHE ->
                        resources.computeIfAbsent(
                                access.environmentVariable(), v -> Unique.name("it-" + access.resource()));
                    default -> {
                        // streams and queues: no HTTP function here uses them
                    }
                }
            }
        }
    }

    /** An emulator over this platform's resources, with {@code replaced} variables on top; its base URL. */
    String serve(Map<String, String> replaced) {
        return serve(functions(replaced));
    }

    /** The topology's functions over this platform's resources, with {@code replaced} variables on top. */
    LocalFunctions functions(Map<String, String> replaced) {
        Map<String, String> overrides = new HashMap<>(resources);
        overrides.putAll(replaced);
        LocalFunctions functions = new LocalFunctions(topology, settings, new JsonLog(System.out, false), overrides);
        running.add(functions);
        return functions;
    }

    /** An emulator over {@code functions}; its base URL. */
    String serve(LocalFunctions functions) {
        JsonLog log = new JsonLog(System.out, false);
        HttpApiServer api = new HttpApiServer(
                new RouteTable(topology.routes()),
                functions,
                Optional.of(new JwtAuthorizer(keys.getPublic(), settings.jwtIssuer(), settings.jwtAudience())),
                new HttpEventFactory(LocalSettings.ACCOUNT_ID, LocalRuntime.API_ID),
                log);
        running.add(api);
        try {
            return "http://127.0.0.1:" + api.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(String subject, String scopes) {
        return tokens.issue(subject, null, scopes, Instant.now(), Duration.ofHours(1));
    }

    /** The {@code kid} of the authorizer's key. */
    String keyId() {
        return JsonWebKeys.thumbprint((RSAPublicKey) keys.getPublic());
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

    /** The physical name this platform gave a topology table. */
    String table(String name) {
        return resources.get(Access.readsAndWrites(Access.Kind.TABLE, name).environmentVariable());
    }

    private String createTable(String name) {
        TableSpec spec = topology.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        String table = Unique.name("it-" + name);
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> schema = new ArrayList<>();
        Map<String, KeyType> keyTypes = new java.util.LinkedHashMap<>();
        keyTypes.put(spec.partitionKey(), KeyType.HASH);
        spec.sortKey().ifPresent(sort -> keyTypes.put(sort, KeyType.RANGE));
        keyTypes.forEach((attribute, type) -> {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(attribute)
                    .attributeType(ScalarAttributeType.S)
                    .build());
            schema.add(KeySchemaElement.builder()
                    .attributeName(attribute)
                    .keyType(type)
                    .build());
        });
        dynamo.createTable(c -> c.tableName(table)
                .attributeDefinitions(attributes)
                .keySchema(schema)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        tables.add(table);
        return table;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable each : running.reversed()) {
            each.close();
        }
        try {
            pages.close();
            tables.forEach(t -> dynamo.deleteTable(d -> d.tableName(t)));
        } finally {
            dynamo.close();
        }
    }
}
