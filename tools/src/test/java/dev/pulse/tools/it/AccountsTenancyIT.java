package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.json.Json;
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
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tenant isolation over HTTP: the accounts function behind the local API emulator and its JWT authorizer, on tables
 * of its own. The tenant comes from the token's subject only; another account's resource is a 404.
 */
class AccountsTenancyIT {
    private static final String ISSUER = "https://pulse.local/dev";
    private static final String AUDIENCE = "pulse-web";
    private static final String READ_WRITE =
            PulseTopology.ACCOUNTS_READ_SCOPE + " " + PulseTopology.ACCOUNTS_WRITE_SCOPE;

    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final List<String> tables = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String ada = Unique.name("ada");
    private final String bob = Unique.name("bob");
    private final String vic = Unique.name("vic");
    private DevTokens tokens;
    private DevTokens strangers;
    private LocalFunctions functions;
    private HttpApiServer api;
    private String base;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        tokens = new DevTokens(keys.getPrivate(), ISSUER, AUDIENCE);
        strangers = new DevTokens(generator.generateKeyPair().getPrivate(), ISSUER, AUDIENCE);
        Topology topology = PulseTopology.define();
        FunctionSpec accounts = topology.requireFunction(PulseTopology.ACCOUNTS_FUNCTION);
        Map<String, String> overrides = new HashMap<>();
        for (Access access : accounts.access()) {
            if (access.kind() == Access.Kind.TABLE) {
                overrides.put(access.environmentVariable(), table(topology, access.resource()));
            }
        }
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("PULSE_API_PORT", "0");
        LocalSettings settings = LocalSettings.fromEnvironment(variables);
        JsonLog log = new JsonLog(System.out, false);
        functions = new LocalFunctions(topology, settings, log, overrides);
        api = new HttpApiServer(
                new RouteTable(topology.routes()),
                functions,
                Optional.of(new JwtAuthorizer(keys.getPublic(), ISSUER, AUDIENCE)),
                new HttpEventFactory(LocalSettings.ACCOUNT_ID, LocalRuntime.API_ID),
                log);
        base = "http://127.0.0.1:" + api.start(0);
    }

    @AfterEach
    void stop() {
        api.close();
        functions.close();
        tables.forEach(t -> dynamo.deleteTable(d -> d.tableName(t)));
        dynamo.close();
    }

    @Test
    void everyCaller_getsExactlyTheStatusOfItsRelationToTheAccount() throws Exception {
        String adaToken = token(ada, READ_WRITE);
        assertThat(send("POST", "/accounts", adaToken, "{\"name\":\"Acme\"}").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/accounts", token(bob, READ_WRITE), "{\"name\":\"Other\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("PUT", "/accounts/me/members/" + vic, adaToken, "{\"role\":\"viewer\"}")
                        .statusCode())
                .isEqualTo(201);

        // Own account: the caller's account, whatever else the token says.
        HttpResponse<String> own = send("GET", "/accounts/me", adaToken, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).path("name").asText()).isEqualTo("Acme");
        String bobsView = json(send("GET", "/accounts/me", token(bob, READ_WRITE), null))
                .path("name")
                .asText();
        assertThat(bobsView).isEqualTo("Other");
        // Another account's resource: bob is not in ada's team, so removing him from it finds nothing.
        assertThat(send("DELETE", "/accounts/me/members/" + bob, adaToken, null).statusCode())
                .isEqualTo(404);
        assertThat(json(send("GET", "/accounts/me/members", token(bob, READ_WRITE), null))
                        .path("members")
                        .size())
                .isEqualTo(1);
        // A caller in no account sees no account.
        assertThat(send("GET", "/accounts/me", token(Unique.name("eve"), READ_WRITE), null)
                        .statusCode())
                .isEqualTo(404);
        // A viewer may read but not write.
        assertThat(send("GET", "/accounts/me", token(vic, READ_WRITE), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> viewerWrite = send("PUT", "/accounts/me/tracked-pages/101", token(vic, READ_WRITE), null);
        assertThat(viewerWrite.statusCode()).isEqualTo(403);
        assertThat(json(viewerWrite).path("error").asText()).isEqualTo("forbidden");
        // The authorizer's refusals, before the function runs.
        assertThat(send("GET", "/accounts/me", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/accounts/me", token(ada, PulseTopology.ACCOUNTS_WRITE_SCOPE), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("PATCH", "/accounts/me", token(ada, PulseTopology.ACCOUNTS_READ_SCOPE), "{}")
                        .statusCode())
                .isEqualTo(403);
        String expired =
                tokens.issue(ada, null, READ_WRITE, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertThat(send("GET", "/accounts/me", expired, null).statusCode()).isEqualTo(401);
        String wrongKey = strangers.issue(ada, null, READ_WRITE, Instant.now(), Duration.ofHours(1));
        assertThat(send("GET", "/accounts/me", wrongKey, null).statusCode()).isEqualTo(401);
    }

    private String token(String sub, String scopes) {
        return tokens.issue(sub, null, scopes, Instant.now(), Duration.ofHours(1));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json")
                .header("idempotency-key", Unique.name("k"));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body(), JsonNode.class);
    }

    private String table(Topology topology, String name) {
        TableSpec spec = topology.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        String table = Unique.name("it-" + name);
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        for (var key : spec.sortKey().isPresent()
                ? List.of(
                        Map.entry(spec.partitionKey(), KeyType.HASH),
                        Map.entry(spec.sortKey().get(), KeyType.RANGE))
                : List.of(Map.entry(spec.partitionKey(), KeyType.HASH))) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(key.getKey())
                    .attributeType(ScalarAttributeType.S)
                    .build());
            keys.add(KeySchemaElement.builder()
                    .attributeName(key.getKey())
                    .keyType(key.getValue())
                    .build());
        }
        dynamo.createTable(c -> c.tableName(table)
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        tables.add(table);
        return table;
    }
}
