package dev.pulse.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The tracked set's change log on dynalite: what is recorded is read back for two minutes, once per page. */
class TrackingChangesIT {
    private static final Instant T0 = Instant.parse("2026-12-02T01:28:40Z");

    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final String table = Unique.name("it-tracked");
    private final TrackingChanges changes = new TrackingChanges(dynamo, table);

    @BeforeEach
    void createTable() {
        dynamo.createTable(c -> c.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pageId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pageId").keyType(KeyType.HASH)));
        dynamo.waiter().waitUntilTableExists(d -> d.tableName(table));
    }

    @AfterEach
    void dropTable() {
        dynamo.deleteTable(d -> d.tableName(table));
        dynamo.close();
    }

    @Test
    void givenChangesInTwoMinutes_thenBothAreRead_eachWithTheEndOfItsMinute_untilTheyAreOlder() {
        Map<String, Instant> expected = new HashMap<>();
        for (int page = 0; page < 40; page++) {
            changes.record("1000" + page, T0);
            expected.put("1000" + page, Instant.parse("2026-12-02T01:29:00Z"));
        }
        changes.record("10000", T0); // again: a set, so once
        changes.record("2000", T0.plusSeconds(30)); // the next minute
        expected.put("2000", Instant.parse("2026-12-02T01:30:00Z"));

        assertThat(changes.recent(T0.plusSeconds(40))).isEqualTo(expected);
        assertThat(changes.recent(T0.plusSeconds(100)))
                .as("two minutes later only the second minute is read")
                .containsOnlyKeys("2000");
    }

    @Test
    void givenTheKeysOfTheLog_thenNoPageIdIsOne() {
        assertThat(TrackingChanges.isChangeLogKey(TrackingChanges.key(T0, 3))).isTrue();
        assertThat(TrackingChanges.isChangeLogKey("100000000042")).isFalse();
    }
}
