package dev.pulse.bench.reporting;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The benchmark's tables on dynalite, shaped as the topology declares them, under names of this run. */
final class BenchTables {
    final DynamoDbClient dynamo;
    private final String run = Long.toString(System.currentTimeMillis(), 36) + "-" + (int) (Math.random() * 1000);
    private final Map<String, String> created = new HashMap<>();

    BenchTables(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** This run's table for the topology's {@code name}, created on first use. */
    synchronized String fresh(String name) {
        return created.computeIfAbsent(name, n -> create(n, "bench-" + n + "-" + run));
    }

    /** account-pages with {@code accounts} accounts, each tracking its own {@code each} pages (all distinct). */
    String accountPages(int accounts, int each) {
        String table = fresh(PulseTopology.ACCOUNT_PAGES_TABLE);
        List<WriteRequest> batch = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            String account = String.format("bench-acct-%05d", a);
            for (int k = 0; k < each; k++) {
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of(
                                        "accountId", AttributeValue.fromS(account),
                                        "pageId", AttributeValue.fromS(ReportingCorpus.page(a * each + k))))
                                .build())
                        .build());
                if (batch.size() == 25) {
                    write(table, batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            write(table, batch);
        }
        return table;
    }

    private void write(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> left = Map.of(table, batch);
        while (!left.isEmpty()) {
            Map<String, List<WriteRequest>> request = left;
            left = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    private String create(String name, String table) {
        TableSpec spec = PulseTopology.define().tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(AttributeDefinition.builder()
                .attributeName(spec.partitionKey())
                .attributeType(ScalarAttributeType.S)
                .build());
        keys.add(KeySchemaElement.builder()
                .attributeName(spec.partitionKey())
                .keyType(KeyType.HASH)
                .build());
        spec.sortKey().ifPresent(sort -> {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(sort)
                    .attributeType(ScalarAttributeType.S)
                    .build());
            keys.add(KeySchemaElement.builder()
                    .attributeName(sort)
                    .keyType(KeyType.RANGE)
                    .build());
        });
        dynamo.createTable(c -> c.tableName(table)
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        while (!"ACTIVE"
                .equals(dynamo.describeTable(d -> d.tableName(table)).table().tableStatusAsString())) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return table;
    }
}
