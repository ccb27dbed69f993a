package dev.pulse.core.testing;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Creates the topology's tables on dynalite under unique names, and drops them after the test. */
public final class TopologyTables implements AutoCloseable {
    private final DynamoDbClient dynamo;
    private final List<String> created = new ArrayList<>();

    public TopologyTables(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** The topology's declaration of table {@code name}. */
    public static TableSpec spec(String name) {
        return PulseTopology.define().tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table named " + name));
    }

    /** A fresh table shaped as the topology declares {@code name}. */
    public String create(String name) {
        TableSpec spec = spec(name);
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
        // dynalite creates a table in well under a second; the SDK waiter's default 20 s poll would dominate a test.
        try (var waiter = DynamoDbWaiter.builder()
                .client(dynamo)
                .overrideConfiguration(
                        o -> o.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100)))
                                .maxAttempts(300))
                .build()) {
            waiter.waitUntilTableExists(w -> w.tableName(table));
        }
        created.add(table);
        return table;
    }

    @Override
    public void close() {
        created.forEach(table -> dynamo.deleteTable(d -> d.tableName(table)));
        created.clear();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }
}
