package dev.pulse.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbIT {
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final String table = Unique.name("it-table");

    @AfterEach
    void dropTable() {
        try {
            dynamo.deleteTable(d -> d.tableName(table));
        } catch (ResourceNotFoundException ignored) {
            // the failure-case test never created it
        }
        dynamo.close();
    }

    private void createTable() {
        dynamo.createTable(c -> c.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pageId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pageId").keyType(KeyType.HASH)));
        dynamo.waiter().waitUntilTableExists(d -> d.tableName(table));
    }

    @Test
    void givenItem_whenPut_thenReadBack() {
        createTable();
        dynamo.putItem(p -> p.tableName(table)
                .item(Map.of("pageId", AttributeValue.fromS("42"), "name", AttributeValue.fromS("Café Ñandú"))));

        var item = dynamo.getItem(g -> g.tableName(table).key(Map.of("pageId", AttributeValue.fromS("42"))))
                .item();

        assertThat(item.get("name").s()).isEqualTo("Café Ñandú");
    }

    @Test
    void givenExistingItem_whenConditionalCreate_thenRejected() {
        createTable();
        var item = Map.of("pageId", AttributeValue.fromS("7"));
        dynamo.putItem(p -> p.tableName(table).item(item));

        assertThatThrownBy(() -> dynamo.putItem(
                        p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pageId)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void givenMissingTable_whenRead_thenResourceNotFound() {
        assertThatThrownBy(() ->
                        dynamo.getItem(g -> g.tableName(table).key(Map.of("pageId", AttributeValue.fromS("1")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
