package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.application.RunCheckpoint;
import dev.pulse.reporting.domain.Window;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** report-runs: one item per account a run has finished (pk run = the window's key, sk accountId). */
public final class DynamoRunCheckpoint implements RunCheckpoint {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRunCheckpoint(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<String> done(Window window) {
        Set<String> done = new HashSet<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("#r = :r")
                        .expressionAttributeNames(Map.of("#r", "run"))
                        .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(window.key())))
                        .consistentRead(true))
                .items()
                .forEach(item -> done.add(item.get("accountId").s()));
        return done;
    }

    @Override
    public void markDone(Window window, String accountId) {
        dynamo.putItem(p -> p.tableName(table).item(key(window, accountId)));
    }

    @Override
    public void reset(Window window) {
        for (String account : done(window)) {
            dynamo.deleteItem(d -> d.tableName(table).key(key(window, account)));
        }
    }

    private static Map<String, AttributeValue> key(Window window, String accountId) {
        return Map.of("run", AttributeValue.fromS(window.key()), "accountId", AttributeValue.fromS(accountId));
    }
}
