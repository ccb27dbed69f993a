package dev.pulse.tools.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The admin tool's writes on dynalite, read back the way ingest reads them. */
class AdminTrackingIT {
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final String table = Unique.name("it-admin-tracked");
    private AdminTracking admin;
    private DynamoTrackedPages ingest;

    @BeforeEach
    void createTable() {
        dynamo.createTable(c -> c.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName(DynamoTrackedPages.KEY).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(DynamoTrackedPages.KEY).keyType(KeyType.HASH)));
        dynamo.waiter().waitUntilTableExists(d -> d.tableName(table));
        admin = new AdminTracking(dynamo, table);
        ingest = new DynamoTrackedPages(dynamo, table);
    }

    @AfterEach
    void dropTable() {
        dynamo.deleteTable(d -> d.tableName(table));
        dynamo.close();
    }

    @Test
    void givenPagesTrackedTwice_whenRead_thenTrackedByTheAdminAccountOnce() {
        admin.track(List.of("101", "102"));
        admin.track(List.of("102", "103"));

        assertThat(ingest.trackedAmong(Set.of("101", "102", "103", "104")))
                .containsExactlyInAnyOrder("101", "102", "103");
        assertThat(accounts("102")).containsExactly(AdminTracking.ADMIN);
    }

    @Test
    void givenACustomerAlsoTracks_whenTheAdminUntracks_thenOnlyTheCustomersPageStaysTracked() {
        admin.track(List.of("101", "102"));
        dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(DynamoTrackedPages.KEY, AttributeValue.fromS("102")))
                .updateExpression("ADD #a :a")
                .expressionAttributeNames(Map.of("#a", DynamoTrackedPages.ACCOUNTS))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(List.of("acct-7")))));

        admin.untrack(List.of("101", "102", "999"));

        assertThat(ingest.trackedAmong(Set.of("101", "102", "999"))).containsExactly("102");
        assertThat(accounts("102")).containsExactly("acct-7");
        assertThat(accounts("101")).isEmpty();
    }

    private List<String> accounts(String pageId) {
        AttributeValue value = dynamo.getItem(
                        g -> g.tableName(table).key(Map.of(DynamoTrackedPages.KEY, AttributeValue.fromS(pageId))))
                .item()
                .get(DynamoTrackedPages.ACCOUNTS);
        return value == null ? List.of() : value.ss();
    }
}
