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
    public boolean putMember(AccountId account, Member member) {
        // version counts the member's changes; no old version means the member is new.
        Map<String, AttributeValue> old = Dynamo.call(() -> dynamo.updateItem(u -> u.tableName(members)
                        .key(Map.of(
                                "accountId",
                                s(account.value()),
                                "userId",
                                s(member.userId().value())))
                        .updateExpression("SET #r = :r ADD #v :one")
                        .expressionAttributeNames(Map.of("#r", "role", "#v", "version"))
                        .expressionAttributeValues(Map.of(":r", s(member.role().wire()), ":one", n(1)))
                        .returnValues(ReturnValue.UPDATED_OLD))
                .attributes());
        return old == null || !old.containsKey("version");
    }

    @Override
    public boolean removeMember(AccountId account, UserId user) {
        Map<String, AttributeValue> old = Dynamo.call(() -> dynamo.deleteItem(d -> d.tableName(members)
                        .key(Map.of("accountId", s(account.value()), "userId", s(user.value())))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes());
        return old != null && !old.isEmpty();
    }
}
