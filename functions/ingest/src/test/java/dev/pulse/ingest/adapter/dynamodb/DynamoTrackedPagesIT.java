package dev.pulse.ingest.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.ingest.adapter.cache.CachedTrackedPages;
import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TrackedPagesContract;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The production stack (the snapshot cache over a table scan) on dynalite, tracked through the seeding command's path. */
class DynamoTrackedPagesIT extends TrackedPagesContract {
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final List<String> tables = new ArrayList<>();

    @Override
    protected TrackedPages tracking(Set<String> pageIds) {
        DynamoTrackedPages store = new DynamoTrackedPages(dynamo, table());
        store.track(pageIds);
        return cached(store);
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
    void givenPagesTrackedTwice_whenScanned_thenEachOnce() {
        DynamoTrackedPages store = new DynamoTrackedPages(dynamo, table());

        store.track(List.of("101", "102"));
        store.track(List.of("102", "103"));

        assertThat(store.get()).containsExactlyInAnyOrder("101", "102", "103");
    }

    private static TrackedPages cached(DynamoTrackedPages store) {
        return new CachedTrackedPages(store, Duration.ofMinutes(1), Clock.systemUTC());
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
