package dev.pulse.accounts;

import static dev.pulse.accounts.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.TopologyTables;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The production wiring over dynalite: optimistic locking under a race, cache coherence, Redis down, DynamoDB down.
 * The tables are made once for the class (dynalite takes seconds per table); each test is its own caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsWiringIT {
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final TopologyTables tables = new TopologyTables(dynamo);
    private final Map<String, String> env = environment();

    @AfterAll
    void drop() {
        tables.close();
        dynamo.close();
    }

    @Test
    void givenTwoConcurrentWritersWithTheSameETag_thenExactlyOne200_andOne412() throws Exception {
        AccountsHandler handler = AccountsWiring.from(PulseConfig.fromEnv(env)).handler();
        String sub = Unique.name("ada");
        handler.handleRequest(
                Calls.as(sub, "POST /accounts")
                        .header("idempotency-key", "k")
                        .body("{\"name\":\"Acme\"}")
                        .event(),
                null);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (String name : List.of("First", "Second")) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return handler.handleRequest(
                                Calls.as(sub, "PATCH /accounts/me")
                                        .header("if-match", "\"1\"")
                                        .body("{\"name\":\"" + name + "\"}")
                                        .event(),
                                null)
                        .getStatusCode();
            }));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> writer : writers) {
            statuses.add(writer.get());
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        APIGatewayV2HTTPResponse me =
                handler.handleRequest(Calls.as(sub, "GET /accounts/me").event(), null);
        assertThat(me.getHeaders()).containsEntry("etag", "\"2\"");
    }

    @Test
    void givenACrashBeforeThePageSideWrite_whenUntracked_then204_andNoAccountsSetIsLeft() {
        AccountsHandler handler = AccountsWiring.from(PulseConfig.fromEnv(env)).handler();
        String sub = Unique.name("ada");
        String accountId = json(handler.handleRequest(
                        Calls.as(sub, "POST /accounts")
                                .header("idempotency-key", "k")
                                .body("{\"name\":\"Acme\"}")
                                .event(),
                        null))
                .path("accountId")
                .asText();
        // Written as if it were a crash between the two writes: the account side has it, the page side does not.
        String table = env.get(AccountsConfig.ACCOUNT_PAGES);
        dynamo.putItem(p -> p.tableName(table)
                .item(Map.of(
                        "accountId", AttributeValue.fromS(accountId),
                        "pageId", AttributeValue.fromS("9001"),
                        "addedAt", AttributeValue.fromS("2026-12-01T00:00:00Z"))));

        APIGatewayV2HTTPResponse untrack = handler.handleRequest(
                Calls.as(sub, "DELETE /accounts/me/tracked-pages/{pageId}")
                        .path("pageId", "9001")
                        .event(),
                null);

        assertThat(untrack.getStatusCode()).isEqualTo(204);
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(env.get(AccountsConfig.TRACKED_PAGES))
                        .key(Map.of("pageId", AttributeValue.fromS("9001")))
                        .consistentRead(true))
                .item();
        assertThat(item == null ? Map.of() : item).doesNotContainKey("accounts");
    }

    @Test
    void givenRedisDown_thenEveryReadAndWriteIsServedFromDynamoDb_andReadsFollowWrites() {
        Map<String, String> down = new HashMap<>(env);
        down.put(RedisSettings.URL, "redis://127.0.0.1:" + LocalPlatform.closedPort());
        AccountsHandler handler = AccountsWiring.from(PulseConfig.fromEnv(down)).handler();
        String sub = Unique.name("ada");

        APIGatewayV2HTTPResponse created = handler.handleRequest(
                Calls.as(sub, "POST /accounts")
                        .header("idempotency-key", "k")
                        .body("{\"name\":\"Acme\"}")
                        .event(),
                null);
        APIGatewayV2HTTPResponse renamed = handler.handleRequest(
                Calls.as(sub, "PATCH /accounts/me")
                        .header("if-match", "\"1\"")
                        .body("{\"name\":\"Acme 2\"}")
                        .event(),
                null);
        APIGatewayV2HTTPResponse me =
                handler.handleRequest(Calls.as(sub, "GET /accounts/me").event(), null);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(renamed.getStatusCode()).isEqualTo(200);
        assertThat(me.getStatusCode()).isEqualTo(200);
        assertThat(json(me).path("name").asText()).isEqualTo("Acme 2");
    }

    @Test
    void givenACachedAccount_whenRenamed_thenTheNextReadIsTheNewName() {
        AccountsHandler handler = AccountsWiring.from(PulseConfig.fromEnv(env)).handler();
        String sub = Unique.name("ada");
        handler.handleRequest(
                Calls.as(sub, "POST /accounts")
                        .header("idempotency-key", "k")
                        .body("{\"name\":\"Acme\"}")
                        .event(),
                null);
        handler.handleRequest(Calls.as(sub, "GET /accounts/me").event(), null);

        handler.handleRequest(
                Calls.as(sub, "PATCH /accounts/me")
                        .header("if-match", "\"1\"")
                        .body("{\"name\":\"Renamed\"}")
                        .event(),
                null);

        APIGatewayV2HTTPResponse me =
                handler.handleRequest(Calls.as(sub, "GET /accounts/me").event(), null);
        assertThat(json(me).path("name").asText()).isEqualTo("Renamed");
        assertThat(me.getHeaders()).containsEntry("etag", "\"2\"");
    }

    @Test
    void givenDynamoDbDown_then503StorageUnavailable_withoutAStackTrace() {
        Map<String, String> down = new HashMap<>(env);
        down.put(PulseConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort());
        AccountsHandler handler = AccountsWiring.from(PulseConfig.fromEnv(down)).handler();

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(Calls.as("ada", "GET /accounts/me").event(), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("storage_unavailable");
        assertThat(response.getBody()).doesNotContain("Exception", "\tat ");
    }

    private Map<String, String> environment() {
        Map<String, String> variables = LocalPlatform.environment();
        variables.put(AccountsConfig.ACCOUNTS, tables.create(PulseTopology.ACCOUNTS_TABLE));
        variables.put(AccountsConfig.MEMBERS, tables.create(PulseTopology.MEMBERS_TABLE));
        variables.put(AccountsConfig.MEMBERSHIPS, tables.create(PulseTopology.MEMBERSHIPS_TABLE));
        variables.put(AccountsConfig.ACCOUNT_PAGES, tables.create(PulseTopology.ACCOUNT_PAGES_TABLE));
        variables.put(AccountsConfig.REPORTS, tables.create(PulseTopology.REPORTS_TABLE));
        variables.put(AccountsConfig.IDEMPOTENCY, tables.create(PulseTopology.IDEMPOTENCY_TABLE));
        variables.put(AccountsConfig.TRACKED_PAGES, tables.create(PulseTopology.TRACKED_PAGES_TABLE));
        variables.put(AccountsConfig.PAGES_ALIAS, Unique.name("it-pages"));
        variables.put(AccountsConfig.CACHE_NAME, Unique.name("it-accounts"));
        return variables;
    }
}
