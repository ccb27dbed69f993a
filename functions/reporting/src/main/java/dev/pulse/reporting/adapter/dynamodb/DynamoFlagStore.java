package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.application.FlagStore;
import dev.pulse.reporting.domain.JobFlags;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The flags table: one item per job (pk {@code job}) with {@code enabled}, {@code batchSize} and {@code pace}; a
 * missing attribute takes its default, so an operator may set just one.
 */
public final class DynamoFlagStore implements FlagStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFlagStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<JobFlags> read(String job) {
        var item = dynamo.getItem(g -> g.tableName(table)
                        .key(Map.of("job", AttributeValue.fromS(job)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(flags(item));
    }

    @Override
    public void write(String job, JobFlags flags) {
        dynamo.putItem(p -> p.tableName(table)
                .item(Map.of(
                        "job", AttributeValue.fromS(job),
                        "enabled", AttributeValue.fromBool(flags.enabled()),
                        "batchSize", AttributeValue.fromN(Integer.toString(flags.batchSize())),
                        "pace", AttributeValue.fromN(Integer.toString(flags.pace())))));
    }

    @Override
    public Map<String, JobFlags> all() {
        Map<String, JobFlags> all = new TreeMap<>();
        dynamo.scanPaginator(s -> s.tableName(table))
                .items()
                .forEach(item -> all.put(item.get("job").s(), flags(item)));
        return all;
    }

    private static JobFlags flags(Map<String, AttributeValue> item) {
        JobFlags defaults = JobFlags.DEFAULTS;
        AttributeValue enabled = item.get("enabled");
        return new JobFlags(
                enabled == null || enabled.bool() == null ? defaults.enabled() : enabled.bool(),
                number(item, "batchSize", defaults.batchSize()),
                number(item, "pace", defaults.pace()));
    }

    private static int number(Map<String, AttributeValue> item, String name, int fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? fallback : Integer.parseInt(value.n());
    }
}
