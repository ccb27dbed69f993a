package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.application.RunCheckpoint;
import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * report-runs: one item per account a run has finished (pk run = the window's key, sk accountId), and per fan-out one
 * item (sk {@code #fanout#ID}) whose string set holds the shards finished. Account ids never start with {@code #}.
 */
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
        done.removeIf(id -> id.startsWith(FANOUT));
        return done;
    }

    @Override
    public void markDone(Window window, String accountId) {
        dynamo.putItem(p -> p.tableName(table).item(key(window, accountId)));
    }

    /** ADD is idempotent and atomic, so the old set tells exactly one caller that it added the last shard. */
    @Override
    public boolean shardDone(Shard shard) {
        var old = dynamo.updateItem(u -> u.tableName(table)
                        .key(key(shard.window(), FANOUT + shard.fanOut()))
                        .updateExpression("ADD #s :s")
                        .expressionAttributeNames(Map.of("#s", "shards"))
                        .expressionAttributeValues(
                                Map.of(":s", AttributeValue.fromSs(List.of(Integer.toString(shard.index())))))
                        .returnValues(ReturnValue.UPDATED_OLD))
                .attributes();
        List<String> before = old == null || !old.containsKey("shards")
                ? List.of()
                : old.get("shards").ss();
        return !before.contains(Integer.toString(shard.index())) && before.size() == shard.count() - 1;
    }

    @Override
    public void reset(Window window) {
        for (String account : done(window)) {
            dynamo.deleteItem(d -> d.tableName(table).key(key(window, account)));
        }
    }

    private static final String FANOUT = "#fanout#";

    private static Map<String, AttributeValue> key(Window window, String accountId) {
        return Map.of("run", AttributeValue.fromS(window.key()), "accountId", AttributeValue.fromS(accountId));
    }
}
