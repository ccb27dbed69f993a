package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursor-signing key, shared by every instance: the first one to need it writes a random key into the
 * idempotency table under a name no caller's key can take (those all hold a '#'), and the others read it.
 */
public final class DynamoCursorKey implements Supplier<byte[]> {
    static final String NAME = "cursor-signing-key";

    private final DynamoDbClient dynamo;
    private final String table;
    private volatile byte[] key;

    public DynamoCursorKey(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public byte[] get() {
        byte[] known = key;
        if (known == null) {
            known = load();
            key = known;
        }
        return known.clone();
    }

    private byte[] load() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Dynamo.conditional(() -> dynamo.putItem(p -> p.tableName(table)
                .item(Map.of("key", s(NAME), "secret", AttributeValue.fromB(SdkBytes.fromByteArray(fresh))))
                .conditionExpression("attribute_not_exists(#k)")
                .expressionAttributeNames(Map.of("#k", "key"))));
        return Dynamo.call(() -> dynamo.getItem(
                        g -> g.tableName(table).key(Map.of("key", s(NAME))).consistentRead(true))
                .item()
                .get("secret")
                .b()
                .asByteArray());
    }
}
