package dev.pulse.tools.it;

import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Uniquely named copies of the topology's tables on dynalite, deleted on close. */
final class UniqueTables implements AutoCloseable {
    private final DynamoDbClient dynamo;
    private final Topology topology;
    private final List<String> created = new ArrayList<>();

    UniqueTables(DynamoDbClient dynamo, Topology topology) {
        this.dynamo = dynamo;
        this.topology = topology;
    }

    /** A new table keyed as the topology's table {@code name}; returns its physical name. */
    String create(String name) {
        TableSpec spec = topology.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        String table = Unique.name("it-" + name);
        List<Map.Entry<String, KeyType>> keyParts = new ArrayList<>();
        keyParts.add(Map.entry(spec.partitionKey(), KeyType.HASH));
        spec.sortKey().ifPresent(sort -> keyParts.add(Map.entry(sort, KeyType.RANGE)));
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        for (var key : keyParts) {
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
        created.add(table);
        return table;
    }

    @Override
    public void close() {
        created.forEach(t -> dynamo.deleteTable(d -> d.tableName(t)));
    }
}
