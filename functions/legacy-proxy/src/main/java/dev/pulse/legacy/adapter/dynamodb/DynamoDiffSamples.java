package dev.pulse.legacy.adapter.dynamodb;

import dev.pulse.legacy.application.DiffSamples;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * route-diffs (pk {@code route}, sk {@code slot} 00-19): a new sample overwrites a random slot, so a route keeps at
 * most {@link #SLOTS} samples, however many differences it has, and old ones give way to new ones over time.
 */
public final class DynamoDiffSamples implements DiffSamples {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDiffSamples(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(Sample sample) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("route", AttributeValue.fromS(sample.route()));
        item.put(
                "slot",
                AttributeValue.fromS(
                        String.format("%02d", ThreadLocalRandom.current().nextInt(SLOTS))));
        item.put("at", AttributeValue.fromS(sample.at().toString()));
        item.put("request", AttributeValue.fromS(sample.request()));
        item.put("legacyStatus", AttributeValue.fromN(Integer.toString(sample.legacyStatus())));
        item.put("newStatus", AttributeValue.fromN(Integer.toString(sample.newStatus())));
        item.put(
                "paths",
                AttributeValue.fromL(
                        sample.paths().stream().map(AttributeValue::fromS).toList()));
        item.put("legacyBody", AttributeValue.fromS(sample.legacyBody()));
        item.put("newBody", AttributeValue.fromS(sample.newBody()));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    @Override
    public List<Sample> recent(String route) {
        return dynamo
                .query(q -> q.tableName(table)
                        .keyConditionExpression("#r = :r")
                        .expressionAttributeNames(Map.of("#r", "route"))
                        .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(route)))
                        .consistentRead(true))
                .items()
                .stream()
                .map(item -> new Sample(
                        route,
                        Instant.parse(item.get("at").s()),
                        item.get("request").s(),
                        Integer.parseInt(item.get("legacyStatus").n()),
                        Integer.parseInt(item.get("newStatus").n()),
                        new java.util.TreeSet<>(item.get("paths").l().stream()
                                .map(AttributeValue::s)
                                .toList()),
                        item.get("legacyBody").s(),
                        item.get("newBody").s()))
                .sorted(Comparator.comparing(Sample::at).reversed())
                .toList();
    }
}
