package dev.pulse.accounts.adapter.dynamodb;

import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the topology's tables on dynalite under unique names, and drops them after the test. */
public final class TablesForTests implements AutoCloseable {
    private final DynamoDbClient dynamo;
    private final List<String> created = new ArrayList<>();

    public TablesForTests(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** A fresh table shaped as the topology declares {@code name}. */
    public String create(String name) {
        TableSpec spec = PulseTopology.define().tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        String table = Unique.name("it-" + name);
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(attribute(spec.partitionKey()));
        keys.add(KeySchemaElement.builder()
                .attributeName(spec.partitionKey())
                .keyType(KeyType.HASH)
                .build());
        spec.sortKey().ifPresent(sort -> {
            attributes.add(attribute(sort));
            keys.add(KeySchemaElement.builder()
                    .attributeName(sort)
                    .keyType(KeyType.RANGE)
                    .build());
        });
        dynamo.createTable(c -> c.tableName(table)
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamo.waiter().waitUntilTableExists(w -> w.tableName(table));
        created.add(table);
        return table;
    }

    @Override
    public void close() {
        created.forEach(table -> dynamo.deleteTable(d -> d.tableName(table)));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }
}
