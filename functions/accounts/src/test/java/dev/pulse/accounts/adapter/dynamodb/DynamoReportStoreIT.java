package dev.pulse.accounts.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.TopologyTables;
import dev.pulse.core.topology.PulseTopology;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reports table's range reads on dynalite, at bounds whose text would not sort as their instants do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoReportStoreIT {
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final TopologyTables tables = new TopologyTables(dynamo);
    private final AccountId account = AccountId.random();
    private String table;
    private DynamoReportStore store;

    @BeforeAll
    void create() {
        table = tables.create(PulseTopology.REPORTS_TABLE);
        store = new DynamoReportStore(dynamo, table);
        for (String start : new String[] {"2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"}) {
            dynamo.putItem(p -> p.tableName(table)
                    .item(Map.of(
                            "accountId", AttributeValue.fromS(account.value()),
                            "periodKey", AttributeValue.fromS(Period.HOUR.key(Instant.parse(start))),
                            "posts", AttributeValue.fromN("3"))));
        }
    }

    @AfterAll
    void drop() {
        tables.close();
        dynamo.close();
    }

    @Test
    void givenBoundsWithFractionsOfASecond_thenTheSnapshotsWithin_notAStorageFailure() {
        // Found while fuzzing: "…10:00:00Z" sorts after "…10:00:00.500Z" as text, and DynamoDB refuses a BETWEEN
        // whose lower bound sorts above its upper one (which the function reported as storage_unavailable).
        assertThat(store
                        .snapshots(
                                account,
                                Period.HOUR,
                                Instant.parse("2026-12-01T10:00:00Z"),
                                Instant.parse("2026-12-01T10:00:00.500Z"),
                                10)
                        .stream()
                        .map(Snapshot::start))
                .containsExactly(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(store
                        .snapshots(
                                account,
                                Period.HOUR,
                                Instant.parse("2026-12-01T09:59:59.250Z"),
                                Instant.parse("2026-12-01T11:00:00.999Z"),
                                10)
                        .stream()
                        .map(Snapshot::start))
                .containsExactly(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(store.snapshots(
                        account,
                        Period.HOUR,
                        Instant.parse("2026-12-01T10:00:00.250Z"),
                        Instant.parse("2026-12-01T10:00:00.750Z"),
                        10))
                .isEmpty();
    }
}
