package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.n;
import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.IdempotencyStore;
import dev.pulse.accounts.domain.AccountId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The idempotency table (pk key = {@code sub#Idempotency-Key}); records expire through the table's TTL. */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    /** How long a key is remembered: a day covers any client's retries. */
    static final Duration KEEP = Duration.ofHours(24);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public AccountId claim(String key, AccountId candidate) {
        boolean claimed = Dynamo.conditional(() -> dynamo.putItem(p -> p.tableName(table)
                .item(Map.of(
                        "key", s(key),
                        "accountId", s(candidate.value()),
                        "expiresAt", n(clock.instant().plus(KEEP).getEpochSecond())))
                .conditionExpression("attribute_not_exists(#k)")
                .expressionAttributeNames(Map.of("#k", "key"))));
        if (claimed) {
            return candidate;
        }
        return new AccountId(Dynamo.call(() -> dynamo.getItem(
                        g -> g.tableName(table).key(Map.of("key", s(key))).consistentRead(true))
                .item()
                .get("accountId")
                .s()));
    }
}
