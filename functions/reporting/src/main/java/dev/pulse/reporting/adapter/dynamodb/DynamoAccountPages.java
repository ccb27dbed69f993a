package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.application.AccountPages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every account's tracked pages, from one paged scan of account-pages (pk accountId, sk pageId) keys only; a shard's
 * accounts by one query each, so a shard never scans the table.
 */
public final class DynamoAccountPages implements AccountPages {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountPages(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public SortedMap<String, List<String>> all() {
        SortedMap<String, List<String>> pages = new TreeMap<>();
        var scan = dynamo.scanPaginator(s -> s.tableName(table)
                .projectionExpression("#a, #p")
                .expressionAttributeNames(Map.of("#a", "accountId", "#p", "pageId")));
        scan.items()
                .forEach(item -> pages.computeIfAbsent(item.get("accountId").s(), a -> new ArrayList<>())
                        .add(item.get("pageId").s()));
        pages.replaceAll((account, ids) -> ids.stream().sorted().toList());
        return pages;
    }

    @Override
    public SortedMap<String, List<String>> of(Collection<String> accounts) {
        SortedMap<String, List<String>> pages = new TreeMap<>();
        for (String account : accounts) {
            List<String> ids = new ArrayList<>();
            dynamo.queryPaginator(q -> q.tableName(table)
                            .keyConditionExpression("#a = :a")
                            .projectionExpression("#p")
                            .expressionAttributeNames(Map.of("#a", "accountId", "#p", "pageId"))
                            .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(account))))
                    .items()
                    .forEach(item -> ids.add(item.get("pageId").s()));
            if (!ids.isEmpty()) {
                pages.put(account, ids.stream().sorted().toList());
            }
        }
        return pages;
    }
}
