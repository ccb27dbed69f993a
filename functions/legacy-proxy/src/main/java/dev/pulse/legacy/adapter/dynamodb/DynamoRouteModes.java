package dev.pulse.legacy.adapter.dynamodb;

import dev.pulse.legacy.application.RouteModes;
import dev.pulse.legacy.domain.Mode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The routes table (pk {@code route}: {@code mode}, {@code updatedAt}, {@code updatedBy}) and its audit,
 * route-changes (pk {@code route}, sk {@code at#id}). A change is a conditional write on the mode read before it, then
 * the audit item: so two writers racing from one mode leave one change and one record.
 */
public final class DynamoRouteModes implements RouteModes {
    static final String KEY = "route";
    static final String MODE = "mode";

    private final DynamoDbClient dynamo;
    private final String routes;
    private final String changes;

    public DynamoRouteModes(DynamoDbClient dynamo, String routes, String changes) {
        this.dynamo = dynamo;
        this.routes = routes;
        this.changes = changes;
    }

    @Override
    public Mode mode(String route) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        g -> g.tableName(routes).key(Map.of(KEY, s(route))).consistentRead(true))
                .item();
        return item == null || !item.containsKey(MODE)
                ? Mode.LEGACY
                : Mode.parse(item.get(MODE).s());
    }

    @Override
    public Map<String, Mode> all() {
        Map<String, Mode> out = new TreeMap<>();
        dynamo.scanPaginator(s -> s.tableName(routes).consistentRead(true))
                .items()
                .forEach(item -> {
                    if (item.containsKey(MODE)) {
                        out.put(item.get(KEY).s(), Mode.parse(item.get(MODE).s()));
                    }
                });
        return out;
    }

    @Override
    public boolean change(String route, Mode from, Mode to, String who, String reason, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", s(to.wire()));
        values.put(":from", s(from.wire()));
        values.put(":at", s(at.toString()));
        values.put(":who", s(who));
        // An item never written is at legacy, the default.
        String condition = from.equals(Mode.LEGACY) ? "attribute_not_exists(#m) OR #m = :from" : "#m = :from";
        try {
            dynamo.updateItem(u -> u.tableName(routes)
                    .key(Map.of(KEY, s(route)))
                    .updateExpression("SET #m = :to, updatedAt = :at, updatedBy = :who")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#m", MODE))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        dynamo.putItem(p -> p.tableName(changes)
                .item(Map.of(
                        KEY,
                        s(route),
                        "at",
                        s(at + "#" + UUID.randomUUID().toString().substring(0, 8)),
                        "from",
                        s(from.wire()),
                        "to",
                        s(to.wire()),
                        "who",
                        s(who),
                        "reason",
                        s(reason == null || reason.isBlank() ? "-" : reason))));
        return true;
    }

    @Override
    public List<ModeChange> changes(String route, int limit) {
        return dynamo
                .query(q -> q.tableName(changes)
                        .keyConditionExpression("#r = :r")
                        .expressionAttributeNames(Map.of("#r", KEY))
                        .expressionAttributeValues(Map.of(":r", s(route)))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(item -> new ModeChange(
                        route,
                        Instant.parse(item.get("at")
                                .s()
                                .substring(0, item.get("at").s().indexOf('#'))),
                        Mode.parse(item.get("from").s()),
                        Mode.parse(item.get("to").s()),
                        item.get("who").s(),
                        item.get("reason").s()))
                .toList();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
