package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.n;
import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.TeamStore;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The members table (pk accountId, sk userId) and the memberships table (pk userId). */
public final class DynamoTeamStore implements TeamStore {
    private final DynamoDbClient dynamo;
    private final String members;
    private final String memberships;

    public DynamoTeamStore(DynamoDbClient dynamo, String members, String memberships) {
        this.dynamo = dynamo;
        this.members = members;
        this.memberships = memberships;
    }

    @Override
    public Optional<Membership> membershipOf(UserId user) {
        Map<String, AttributeValue> item = Dynamo.call(() -> dynamo.getItem(g -> g.tableName(memberships)
                        .key(Map.of("userId", s(user.value())))
                        .consistentRead(true))
                .item());
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Membership(
                user,
                new AccountId(item.get("accountId").s()),
                Role.parse(item.get("role").s())));
    }

    @Override
    public boolean join(Membership m) {
        return Dynamo.conditional(() -> dynamo.updateItem(u -> u.tableName(memberships)
                .key(Map.of("userId", s(m.userId().value())))
                .updateExpression("SET #a = :a, #r = :r")
                .conditionExpression("attribute_not_exists(#a) OR #a = :a")
                .expressionAttributeNames(Map.of("#a", "accountId", "#r", "role"))
                .expressionAttributeValues(
                        Map.of(":a", s(m.accountId().value()), ":r", s(m.role().wire())))));
    }

    @Override
    public void leave(UserId user, AccountId account) {
        Dynamo.conditional(() -> dynamo.deleteItem(d -> d.tableName(memberships)
                .key(Map.of("userId", s(user.value())))
                .conditionExpression("#a = :a")
                .expressionAttributeNames(Map.of("#a", "accountId"))
                .expressionAttributeValues(Map.of(":a", s(account.value())))));
    }

    @Override
    public List<Member> members(AccountId account) {
        List<Member> found = new ArrayList<>();
        Dynamo.call(() -> {
            dynamo.queryPaginator(q -> q.tableName(members)
                            .keyConditionExpression("#a = :a")
                            .expressionAttributeNames(Map.of("#a", "accountId"))
                            .expressionAttributeValues(Map.of(":a", s(account.value())))
                            .consistentRead(true))
                    .items()
                    .forEach(item -> found.add(new Member(
                            new UserId(item.get("userId").s()),
                            Role.parse(item.get("role").s()))));
            return null;
        });
        return found;
    }

    @Override
    public Optional<Versioned> member(AccountId account, UserId user) {
        Map<String, AttributeValue> item = Dynamo.call(() -> dynamo.getItem(
                        g -> g.tableName(members).key(key(account, user)).consistentRead(true))
                .item());
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Versioned(
                new Member(user, Role.parse(item.get("role").s())),
                Long.parseLong(item.get("version").n())));
    }

    @Override
    public boolean putMember(AccountId account, Member member) {
        // version counts the member's changes; no old version means the member is new.
        Map<String, AttributeValue> old = Dynamo.call(() -> dynamo.updateItem(u -> u.tableName(members)
                        .key(key(account, member.userId()))
                        .updateExpression("SET #r = :r ADD #v :one")
                        .expressionAttributeNames(Map.of("#r", "role", "#v", "version"))
                        .expressionAttributeValues(Map.of(":r", s(member.role().wire()), ":one", n(1)))
                        .returnValues(ReturnValue.UPDATED_OLD))
                .attributes());
        return old == null || !old.containsKey("version");
    }

    @Override
    public boolean putMember(AccountId account, Member member, long expectedVersion) {
        Map<String, String> names = Map.of("#r", "role", "#v", "version");
        return Dynamo.conditional(() -> dynamo.updateItem(u -> {
            u.tableName(members)
                    .key(key(account, member.userId()))
                    .updateExpression("SET #r = :r ADD #v :one")
                    .expressionAttributeNames(names);
            if (expectedVersion == 0) {
                u.conditionExpression("attribute_not_exists(#v)")
                        .expressionAttributeValues(Map.of(":r", s(member.role().wire()), ":one", n(1)));
            } else {
                u.conditionExpression("#v = :expected")
                        .expressionAttributeValues(
                                Map.of(":r", s(member.role().wire()), ":one", n(1), ":expected", n(expectedVersion)));
            }
        }));
    }

    @Override
    public boolean removeMember(AccountId account, UserId user, long expectedVersion) {
        return Dynamo.conditional(() -> dynamo.deleteItem(d -> d.tableName(members)
                .key(key(account, user))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))));
    }

    private static Map<String, AttributeValue> key(AccountId account, UserId user) {
        return Map.of("accountId", s(account.value()), "userId", s(user.value()));
    }
}
