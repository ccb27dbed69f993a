package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.application.SnapshotStore;
import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Window;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The reports table (pk accountId, sk periodKey), in the shape the accounts function's dashboards read; fans are read
 * with {@code BatchGetItem} (100 keys a call) and snapshots written with {@code BatchWriteItem} (25 a call).
 */
public final class DynamoSnapshotStore implements SnapshotStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSnapshotStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Map<String, Long>> fans(Collection<String> accountIds, Window window) {
        List<Map<String, AttributeValue>> keys = accountIds.stream()
                .distinct()
                .map(account -> Map.of(
                        SnapshotItem.ACCOUNT, AttributeValue.fromS(account),
                        SnapshotItem.PERIOD_KEY, AttributeValue.fromS(window.key())))
                .toList();
        Map<String, Map<String, Long>> fans = new HashMap<>();
        for (var item : DynamoBatches.get(
                dynamo, table, keys, "#a, #p", Map.of("#a", SnapshotItem.ACCOUNT, "#p", SnapshotItem.BY_PAGE))) {
            fans.put(item.get(SnapshotItem.ACCOUNT).s(), SnapshotItem.fans(item));
        }
        return fans;
    }

    @Override
    public void write(List<AccountSnapshot> snapshots) {
        DynamoBatches.write(
                dynamo,
                table,
                snapshots.stream()
                        .map(s -> WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(SnapshotItem.of(s))
                                        .build())
                                .build())
                        .toList());
    }
}
