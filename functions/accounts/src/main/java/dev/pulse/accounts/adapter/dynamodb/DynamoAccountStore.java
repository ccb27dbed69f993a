package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.n;
import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.AccountStore;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.accounts.domain.AccountSettings;
import dev.pulse.accounts.domain.Plan;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The accounts table: one item per account, written only under a condition on its version; its counters change by
 * conditional {@code ADD}s, which a rename (an update of the named attributes, not a put) leaves alone.
 */
public final class DynamoAccountStore implements AccountStore {
    static final String KEY = "accountId";
    /** Tracked pages reserved: kept at most the plan's limit. */
    public static final String TRACKED_COUNT = "trackedCount";
    /** Epoch ms of the last change of {@link #TRACKED_COUNT}: the reconciliation repairs only a quiet counter. */
    public static final String TRACKED_CHANGED_AT = "trackedChangedAt";
    /** Owners in the team: kept at least one. */
    public static final String OWNER_COUNT = "ownerCount";
    /** A map of the customer's settings; an item written before settings existed has none and reads the defaults. */
    static final String SETTINGS = "settings";

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
        return Dynamo.conditional(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(key(next.accountId()))
                .updateExpression("SET #n = :n, #s = :s, #p = :p, #u = :u, #v = :v")
                .conditionExpression("#v = :previous")
                .expressionAttributeNames(
                        Map.of("#n", "name", "#s", SETTINGS, "#p", "plan", "#u", "updatedAt", "#v", "version"))
                .expressionAttributeValues(Map.of(
                        ":n", s(next.name().value()),
                        ":s", settings(next.settings()),
                        ":p", s(next.plan().wire()),
                        ":u", s(next.updatedAt().toString()),
                        ":v", n(next.version()),
                        ":previous", n(next.version() - 1)))));
    }

    @Override
    public boolean reserveTrackedPage(AccountId id, int limit, Instant now) {
        return Dynamo.conditional(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(key(id))
                .updateExpression("ADD #c :one SET #t = :now")
                .conditionExpression("attribute_exists(#k) AND (attribute_not_exists(#c) OR #c < :limit)")
                .expressionAttributeNames(Map.of("#k", KEY, "#c", TRACKED_COUNT, "#t", TRACKED_CHANGED_AT))
                .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.toEpochMilli()), ":limit", n(limit)))));
    }

    @Override
    public void releaseTrackedPage(AccountId id, Instant now) {
        Dynamo.conditional(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(key(id))
                .updateExpression("ADD #c :minusOne SET #t = :now")
                .conditionExpression("#c > :zero")
                .expressionAttributeNames(Map.of("#c", TRACKED_COUNT, "#t", TRACKED_CHANGED_AT))
                .expressionAttributeValues(Map.of(":minusOne", n(-1), ":now", n(now.toEpochMilli()), ":zero", n(0)))));
    }

    @Override
    public boolean releaseOwner(AccountId id) {
        return Dynamo.conditional(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(key(id))
                .updateExpression("ADD #o :minusOne")
                .conditionExpression("#o > :one")
                .expressionAttributeNames(Map.of("#o", OWNER_COUNT))
                .expressionAttributeValues(Map.of(":minusOne", n(-1), ":one", n(1)))));
    }

    @Override
    public void addOwner(AccountId id) {
        Dynamo.conditional(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(key(id))
                .updateExpression("ADD #o :one")
                .conditionExpression("attribute_exists(#k)")
                .expressionAttributeNames(Map.of("#k", KEY, "#o", OWNER_COUNT))
                .expressionAttributeValues(Map.of(":one", n(1)))));
    }

    private static Map<String, AttributeValue> key(AccountId id) {
        return Map.of(KEY, s(id.value()));
    }

    /** A new account: version 1, no tracked page, its creator the one owner. */
    private static Map<String, AttributeValue> item(Account a) {
        return Map.of(
                KEY,
                s(a.accountId().value()),
                "name",
                s(a.name().value()),
                SETTINGS,
                settings(a.settings()),
                "plan",
                s(a.plan().wire()),
                "createdAt",
                s(a.createdAt().toString()),
                "updatedAt",
                s(a.updatedAt().toString()),
                "version",
                n(a.version()),
                TRACKED_COUNT,
                n(0),
                OWNER_COUNT,
                n(1));
    }

    private static AttributeValue settings(AccountSettings settings) {
        return AttributeValue.fromM(Map.of("timezone", s(settings.timezone()), "locale", s(settings.locale())));
    }

    private static AccountSettings settings(AttributeValue stored) {
        if (stored == null || !stored.hasM()) {
            return AccountSettings.DEFAULTS;
        }
        Map<String, AttributeValue> m = stored.m();
        AccountSettings defaults = AccountSettings.DEFAULTS;
        return new AccountSettings(
                m.containsKey("timezone") ? m.get("timezone").s() : defaults.timezone(),
                m.containsKey("locale") ? m.get("locale").s() : defaults.locale());
    }

    private static Account account(Map<String, AttributeValue> item) {
        return new Account(
                new AccountId(item.get(KEY).s()),
                new AccountName(item.get("name").s()),
                settings(item.get(SETTINGS)),
                Plan.parse(item.get("plan").s()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get("version").n()));
    }
}
