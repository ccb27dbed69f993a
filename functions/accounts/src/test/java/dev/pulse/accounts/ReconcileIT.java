package dev.pulse.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.pulse.accounts.adapter.dynamodb.DynamoAccountStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoPageTracking;
import dev.pulse.accounts.application.ReconcileReport;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SampleEvents;
import dev.pulse.core.testing.TopologyTables;
import dev.pulse.core.topology.PulseTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tracked-reconcile function over dynalite, from the scheduled event Lambda sends: the drift that a crash between
 * a track's two writes leaves, in both directions, and an orphan, is repaired and counted exactly, and a second run
 * finds none.
 */
class ReconcileIT {
    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final TopologyTables tables = new TopologyTables(dynamo);
    private final String accounts = tables.create(PulseTopology.ACCOUNTS_TABLE);
    private final String accountPages = tables.create(PulseTopology.ACCOUNT_PAGES_TABLE);
    private final String trackedPages = tables.create(PulseTopology.TRACKED_PAGES_TABLE);
    private final List<ReconcileReport> published = new ArrayList<>();

    @AfterEach
    void drop() {
        tables.close();
        dynamo.close();
    }

    @Test
    void givenCrashesInBothDirectionsAndAnOrphan_thenOneRunRepairsExactlyThem_andTheNextFindsNoDrift() {
        AccountId ada = AccountId.random();
        String orphan = AccountId.random().value();
        new DynamoAccountStore(dynamo, accounts).create(Account.create(ada, new AccountName("Acme"), Instant.now()));
        // Healthy: both writes of a track.
        row(ada.value(), "100");
        add("100", ada.value());
        // A track that crashed after its account-pages row, before its ADD.
        row(ada.value(), "101");
        // An untrack that crashed after deleting its row, before its DELETE.
        add("102", ada.value());
        // An account gone without a trace but for its id in a set.
        add("103", orphan);
        // Operators' tracking (./pulse track) has no rows, and stays.
        add("104", PulseTopology.ADMIN_TRACKING_ACCOUNT);
        // A counter left high by a crash ten minutes ago (quiet since).
        setCounter(ada.value(), 5, Instant.now().minusSeconds(600));
        ReconcileHandler handler = handler();

        Map<String, Object> first = handler.handleRequest(scheduled(), null);

        assertThat(first)
                .containsEntry("missing", 1L)
                .containsEntry("extra", 2L)
                .containsEntry("drift", 3L)
                .containsEntry("pagesScanned", 4L)
                .containsEntry("rowsScanned", 2L)
                .containsEntry("settled", 0L)
                .containsEntry("countersRepaired", 1L);
        assertThat(set("100")).containsExactly(ada.value());
        assertThat(set("101")).containsExactly(ada.value());
        assertThat(set("102")).isEmpty();
        assertThat(set("103")).isEmpty();
        assertThat(set("104")).containsExactly(PulseTopology.ADMIN_TRACKING_ACCOUNT);
        assertThat(counter(ada.value())).isEqualTo(2);
        assertThat(published)
                .hasSize(1)
                .first()
                .extracting(ReconcileReport::drift)
                .isEqualTo(3L);

        Map<String, Object> second = handler.handleRequest(scheduled(), null);

        assertThat(second)
                .containsEntry("drift", 0L)
                .containsEntry("settled", 0L)
                .containsEntry("countersRepaired", 0L)
                .containsEntry("pagesScanned", 5L);
        assertThat(set("101")).containsExactly(ada.value());
    }

    @Test
    void givenACounterChangedWithinTheLastMinute_thenItIsLeftForTheNextRun() {
        AccountId ada = AccountId.random();
        new DynamoAccountStore(dynamo, accounts).create(Account.create(ada, new AccountName("Acme"), Instant.now()));
        setCounter(ada.value(), 1, Instant.now());

        Map<String, Object> run = handler().handleRequest(scheduled(), null);

        assertThat(run).containsEntry("countersRepaired", 0L);
        assertThat(counter(ada.value())).isEqualTo(1);
    }

    private ReconcileHandler handler() {
        Map<String, String> env = LocalPlatform.environment();
        env.put(ReconcileConfig.ACCOUNTS, accounts);
        env.put(ReconcileConfig.ACCOUNT_PAGES, accountPages);
        env.put(ReconcileConfig.TRACKED_PAGES, trackedPages);
        env.put(ReconcileConfig.SEGMENTS, "3");
        return ReconcileWiring.from(PulseConfig.fromEnv(env), (report, latency) -> published.add(report))
                .handler();
    }

    private static ScheduledEvent scheduled() {
        return EventLoader.loadScheduledEvent(SampleEvents.pathString("scheduled.json"));
    }

    private void row(String account, String page) {
        dynamo.putItem(p -> p.tableName(accountPages)
                .item(Map.of(
                        "accountId", AttributeValue.fromS(account),
                        "pageId", AttributeValue.fromS(page),
                        "addedAt", AttributeValue.fromS("2026-12-01T00:00:00Z"))));
    }

    private void add(String page, String account) {
        dynamo.updateItem(u -> u.tableName(trackedPages)
                .key(Map.of("pageId", AttributeValue.fromS(page)))
                .updateExpression("ADD #s :a")
                .expressionAttributeNames(Map.of("#s", DynamoPageTracking.ACCOUNTS))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(List.of(account)))));
    }

    private Set<String> set(String page) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(trackedPages)
                        .key(Map.of("pageId", AttributeValue.fromS(page)))
                        .consistentRead(true))
                .item();
        if (item == null || !item.containsKey(DynamoPageTracking.ACCOUNTS)) {
            return Set.of();
        }
        return Set.copyOf(item.get(DynamoPageTracking.ACCOUNTS).ss());
    }

    private void setCounter(String account, long value, Instant changedAt) {
        dynamo.updateItem(u -> u.tableName(accounts)
                .key(Map.of("accountId", AttributeValue.fromS(account)))
                .updateExpression("SET #c = :c, #t = :t")
                .expressionAttributeNames(
                        Map.of("#c", DynamoAccountStore.TRACKED_COUNT, "#t", DynamoAccountStore.TRACKED_CHANGED_AT))
                .expressionAttributeValues(Map.of(
                        ":c", AttributeValue.fromN(Long.toString(value)),
                        ":t", AttributeValue.fromN(Long.toString(changedAt.toEpochMilli())))));
    }

    private long counter(String account) {
        return Long.parseLong(dynamo.getItem(g -> g.tableName(accounts)
                        .key(Map.of("accountId", AttributeValue.fromS(account)))
                        .consistentRead(true))
                .item()
                .get(DynamoAccountStore.TRACKED_COUNT)
                .n());
    }
}
