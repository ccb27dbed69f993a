package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.TrackedPageStore;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.TrackedPage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The account-pages table (pk accountId, sk pageId): the account's side of tracking. */
public final class DynamoTrackedPageStore implements TrackedPageStore {
    private static final Map<String, String> NAMES = Map.of("#a", "accountId", "#p", "pageId");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTrackedPageStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean add(AccountId account, TrackedPage page) {
        return Dynamo.conditional(() -> dynamo.putItem(p -> p.tableName(table)
                .item(Map.of(
                        "accountId", s(account.value()),
                        "pageId", s(page.pageId().value()),
                        "addedAt", s(page.addedAt().toString())))
                .conditionExpression("attribute_not_exists(#p)")
                .expressionAttributeNames(Map.of("#p", "pageId"))));
    }

    @Override
    public boolean remove(AccountId account, PageId page) {
        Map<String, AttributeValue> old = Dynamo.call(() -> dynamo.deleteItem(
                        d -> d.tableName(table).key(key(account, page)).returnValues(ReturnValue.ALL_OLD))
                .attributes());
        return old != null && !old.isEmpty();
    }

    @Override
    public Optional<TrackedPage> find(AccountId account, PageId page) {
        Map<String, AttributeValue> item = Dynamo.call(() -> dynamo.getItem(
                        g -> g.tableName(table).key(key(account, page)).consistentRead(true))
                .item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(page(item));
    }

    @Override
    public int count(AccountId account) {
        return Dynamo.call(() -> {
            int total = 0;
            for (var response : dynamo.queryPaginator(
                    byAccount(account).select(Select.COUNT).build())) {
                total += response.count();
            }
            return total;
        });
    }

    @Override
    public List<TrackedPage> list(AccountId account, Optional<PageId> after, int limit) {
        QueryRequest.Builder query = byAccount(account).limit(limit);
        after.ifPresent(p -> query.exclusiveStartKey(key(account, p)));
        return Dynamo.call(() -> dynamo.query(query.build()).items().stream()
                .map(DynamoTrackedPageStore::page)
                .toList());
    }

    private QueryRequest.Builder byAccount(AccountId account) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#a = :a")
                .expressionAttributeNames(Map.of("#a", NAMES.get("#a")))
                .expressionAttributeValues(Map.of(":a", s(account.value())))
                .consistentRead(true);
    }

    private static Map<String, AttributeValue> key(AccountId account, PageId page) {
        return Map.of("accountId", s(account.value()), "pageId", s(page.value()));
    }

    private static TrackedPage page(Map<String, AttributeValue> item) {
        return new TrackedPage(
                new PageId(item.get("pageId").s()),
                Instant.parse(item.get("addedAt").s()));
    }
}
