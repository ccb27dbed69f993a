package dev.pulse.ingest.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.ingest.adapter.cache.CachedTrackedPages;
import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TrackedPagesContract;
import dev.pulse.ingest.application.TransientFailureException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The production stack (the per-page cache over BatchGetItem lookups) on dynalite, with pages tracked and untracked the
 * way the accounts function writes them: string-set {@code ADD}/{@code DELETE} of account ids.
 */
class DynamoTrackedPagesIT extends TrackedPagesContract {
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final List<String> tables = new ArrayList<>();

    @Override
    protected TrackedPages tracking(Set<String> pageIds) {
        return untrackedByEveryone(pageIds, Set.of());
    }

    @Override
    protected TrackedPages untrackedByEveryone(Set<String> tracked, Set<String> untracked) {
        String table = table();
        tracked.forEach(id -> accounts(table, id, "ADD", "acct-1"));
        boolean emptied = false;
        for (String id : untracked) {
            if (emptied) {
                // An item that never had an account set, as a repair or an older writer may leave one.
                dynamo.putItem(p -> p.tableName(table).item(Map.of(DynamoTrackedPages.KEY, AttributeValue.fromS(id))));
            } else {
                accounts(table, id, "ADD", "acct-1");
                accounts(table, id, "DELETE", "acct-1");
            }
            emptied = true;
        }
        return cached(new DynamoTrackedPages(dynamo, table));
    }

    @Override
    protected TrackedPages unreadable() {
        return cached(new DynamoTrackedPages(dynamo, Unique.name("it-missing-table")));
    }

    @AfterEach
    void dropTables() {
        tables.forEach(table -> dynamo.deleteTable(d -> d.tableName(table)));
        dynamo.close();
    }

    @Test
    void givenAPageTrackedByTwoAccounts_whenOneUntracksAndThenTheOther_thenTrackedUntilTheLast() {
        String table = table();
        DynamoTrackedPages store = new DynamoTrackedPages(dynamo, table);
        accounts(table, "101", "ADD", "acct-1");
        accounts(table, "101", "ADD", "acct-2");

        accounts(table, "101", "DELETE", "acct-1");
        assertThat(store.trackedAmong(Set.of("101"))).containsExactly("101");
        accounts(table, "101", "DELETE", "acct-2");
        assertThat(store.trackedAmong(Set.of("101"))).isEmpty();
    }

    @Test
    void givenAMissingTable_whenLookedUpWithoutCache_thenTransientFailure() {
        DynamoTrackedPages store = new DynamoTrackedPages(dynamo, Unique.name("it-missing-table"));

        assertThatThrownBy(() -> store.trackedAmong(Set.of("101"))).isInstanceOf(TransientFailureException.class);
    }

    private void accounts(String table, String pageId, String action, String accountId) {
        dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(DynamoTrackedPages.KEY, AttributeValue.fromS(pageId)))
                .updateExpression(action + " #a :a")
                .expressionAttributeNames(Map.of("#a", DynamoTrackedPages.ACCOUNTS))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(List.of(accountId)))));
    }

    private static TrackedPages cached(DynamoTrackedPages store) {
        return new CachedTrackedPages(
                store, Duration.ofSeconds(30), IngestConfig.TRACKED_CACHE_PAGES, Clock.systemUTC());
    }

    private String table() {
        String table = Unique.name("it-tracked");
        dynamo.createTable(c -> c.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName(DynamoTrackedPages.KEY).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(DynamoTrackedPages.KEY).keyType(KeyType.HASH)));
        dynamo.waiter().waitUntilTableExists(d -> d.tableName(table));
        tables.add(table);
        return table;
    }
}
