package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.application.RunCheckpoint;
import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

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

    /** One {@code BatchWriteItem} per 25 accounts. */
    @Override
    public void markDone(Window window, Collection<String> accountIds) {
        DynamoBatches.write(
                dynamo,
                table,
                accountIds.stream()
                        .distinct()
                        .map(account -> WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(key(window, account))
                                        .build())
                                .build())
                        .toList());
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
        DynamoBatches.write(
                dynamo,
                table,
                done(window).stream()
                        .sorted()
                        .map(account -> WriteRequest.builder()
                                .deleteRequest(DeleteRequest.builder()
                                        .key(key(window, account))
                                        .build())
                                .build())
                        .toList());
    }

    private static final String FANOUT = "#fanout#";

    private static Map<String, AttributeValue> key(Window window, String accountId) {
        return Map.of("run", AttributeValue.fromS(window.key()), "accountId", AttributeValue.fromS(accountId));
    }
}
