package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.ReportStore;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reports table (pk accountId, sk {@code period#start}), read oldest first. */
public final class DynamoReportStore implements ReportStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Snapshot> snapshots(AccountId account, Period period, Instant from, Instant to, int limit) {
        // Stored starts are whole seconds. Bounds are too, so that their keys sort as their instants: Instant's text
        // carries a fraction only when there is one, and "10:00:00Z" sorts after "10:00:00.500Z".
        Instant first = from.truncatedTo(ChronoUnit.SECONDS).equals(from)
                ? from
                : from.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant last = to.truncatedTo(ChronoUnit.SECONDS);
        if (first.isAfter(last)) {
            return List.of();
        }
        return Dynamo.call(() -> dynamo.query(q -> q.tableName(table)
                                .keyConditionExpression("#a = :a AND #k BETWEEN :from AND :to")
                                .expressionAttributeNames(Map.of("#a", "accountId", "#k", "periodKey"))
                                .expressionAttributeValues(Map.of(
                                        ":a", s(account.value()),
                                        ":from", s(period.key(first)),
                                        ":to", s(period.key(last))))
                                .scanIndexForward(true)
                                .limit(limit))
                        .items())
                .stream()
                .map(DynamoReportStore::snapshot)
                .toList();
    }

    private static Snapshot snapshot(Map<String, AttributeValue> item) {
        String key = item.get("periodKey").s();
        Map<String, Object> figures = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (!name.equals("accountId") && !name.equals("periodKey")) {
                figures.put(name, plain(value));
            }
        });
        return new Snapshot(Instant.parse(key.substring(key.indexOf('#') + 1)), figures);
    }

    /** Reporting's figures are numbers, strings, flags and maps of them. */
    private static Object plain(AttributeValue value) {
        if (value.n() != null) {
            return new BigDecimal(value.n());
        }
        if (value.s() != null) {
            return value.s();
        }
        if (value.bool() != null) {
            return value.bool();
        }
        if (value.hasM()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.m().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (value.hasL()) {
            return value.l().stream().map(DynamoReportStore::plain).toList();
        }
        return value.toString();
    }
}
