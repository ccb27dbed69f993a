package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.application.SnapshotStore;
import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Window;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reports table (pk accountId, sk periodKey), in the shape the accounts function's dashboards read. */
public final class DynamoSnapshotStore implements SnapshotStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSnapshotStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Long> fans(String accountId, Window window) {
        var item = dynamo.getItem(g -> g.tableName(table)
                        .key(Map.of(
                                SnapshotItem.ACCOUNT, AttributeValue.fromS(accountId),
                                SnapshotItem.PERIOD_KEY, AttributeValue.fromS(window.key())))
                        .projectionExpression("#p")
                        .expressionAttributeNames(Map.of("#p", SnapshotItem.BY_PAGE))
                        .consistentRead(true))
                .item();
        return item == null ? Map.of() : SnapshotItem.fans(item);
    }

    @Override
    public void write(AccountSnapshot snapshot) {
        dynamo.putItem(p -> p.tableName(table).item(SnapshotItem.of(snapshot)));
    }
}
