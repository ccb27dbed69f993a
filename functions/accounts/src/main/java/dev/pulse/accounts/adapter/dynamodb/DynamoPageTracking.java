package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.PageTracking;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.tracking.TrackingChanges;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tracked-pages table that ingest reads: each page's {@code accounts} string set. {@code ADD} and {@code DELETE}
 * are idempotent, and DynamoDB drops the attribute when the set empties (an item without it is untracked). Every change
 * is first recorded in the table's change log ({@link TrackingChanges}), which ingest polls.
 */
public final class DynamoPageTracking implements PageTracking {
    public static final String ACCOUNTS = PulseTopology.TRACKED_PAGES_ACCOUNTS;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TrackingChanges changes;
    private final Clock clock;

    public DynamoPageTracking(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.changes = new TrackingChanges(dynamo, table);
        this.clock = clock;
    }

    @Override
    public void track(PageId page, AccountId account) {
        update(page.value(), account.value(), "ADD");
    }

    @Override
    public void untrack(PageId page, AccountId account) {
        update(page.value(), account.value(), "DELETE");
    }

    /**
     * {@code ADD} or {@code DELETE} of one id in the page's set; the reconciliation repairs with it too. The change is
     * logged first: ingest, reading the log, then looks the page up again until the change itself is written, and a
     * crash between the two leaves a logged change that the reconciliation's repair logs again.
     */
    void update(String pageId, String accountId, String action) {
        Dynamo.call(() -> {
            changes.record(pageId, clock.instant());
            return null;
        });
        Dynamo.call(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of("pageId", s(pageId)))
                .updateExpression(action + " #s :a")
                .expressionAttributeNames(Map.of("#s", ACCOUNTS))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(java.util.List.of(accountId))))));
    }
}
