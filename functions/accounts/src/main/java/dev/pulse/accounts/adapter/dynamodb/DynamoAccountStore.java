package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.n;
import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.AccountStore;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.accounts.domain.Plan;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The accounts table: one item per account, written only under a condition on its version. */
public final class DynamoAccountStore implements AccountStore {
    static final String KEY = "accountId";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Account account) {
        // A replay finds the item there: the create already happened, so the failed condition is success.
        Dynamo.conditional(() -> dynamo.putItem(p -> p.tableName(table)
                .item(item(account))
                .conditionExpression("attribute_not_exists(#k)")
                .expressionAttributeNames(Map.of("#k", KEY))));
    }

    @Override
    public Optional<Account> find(AccountId id) {
        Map<String, AttributeValue> item = Dynamo.call(() -> dynamo.getItem(
                        g -> g.tableName(table).key(Map.of(KEY, s(id.value()))).consistentRead(true))
                .item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(account(item));
    }

    @Override
    public boolean replace(Account next) {
        return Dynamo.conditional(() -> dynamo.putItem(p -> p.tableName(table)
                .item(item(next))
                .conditionExpression("#v = :previous")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":previous", n(next.version() - 1)))));
    }

    private static Map<String, AttributeValue> item(Account a) {
        return Map.of(
                KEY,
                s(a.accountId().value()),
                "name",
                s(a.name().value()),
                "plan",
                s(a.plan().wire()),
                "createdAt",
                s(a.createdAt().toString()),
                "updatedAt",
                s(a.updatedAt().toString()),
                "version",
                n(a.version()));
    }

    private static Account account(Map<String, AttributeValue> item) {
        return new Account(
                new AccountId(item.get(KEY).s()),
                new AccountName(item.get("name").s()),
                Plan.parse(item.get("plan").s()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get("version").n()));
    }
}
