package dev.pulse.local.bootstrap;

import dev.pulse.core.topology.TableSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates DynamoDB tables on dynalite, on demand, with string keys. */
public final class TableResources {
    private final DynamoDbClient dynamo;
    private final String prefix;

    public TableResources(DynamoDbClient dynamo, String prefix) {
        this.dynamo = dynamo;
        this.prefix = prefix;
    }

    public String ensure(TableSpec spec) {
        String name = prefix + spec.name();
        boolean created = false;
        try {
            dynamo.describeTable(d -> d.tableName(name));
        } catch (ResourceNotFoundException missing) {
            try {
                create(name, spec);
                created = true;
            } catch (ResourceInUseException raced) {
                // created concurrently; the waiter below covers it
            }
        }
        dynamo.waiter().waitUntilTableExists(d -> d.tableName(name));
        return (created ? "created" : "exists ") + "  table  " + name;
    }

    private void create(String name, TableSpec spec) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(stringAttribute(spec.partitionKey()));
        keys.add(KeySchemaElement.builder()
                .attributeName(spec.partitionKey())
                .keyType(KeyType.HASH)
                .build());
        spec.sortKey().ifPresent(sort -> {
            attributes.add(stringAttribute(sort));
            keys.add(KeySchemaElement.builder()
                    .attributeName(sort)
                    .keyType(KeyType.RANGE)
                    .build());
        });
        dynamo.createTable(c -> c.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keys));
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }
}
