package dev.pulse.tools.track;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.tracking.TrackingChanges;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tracks pages on behalf of the reserved {@value #ADMIN} account: string-set {@code ADD}/{@code DELETE} on each page's
 * {@code accounts}, the same writes the accounts function makes, so customers' tracking is never disturbed.
 */
public final class AdminTracking {
    /** The account id of operators' tracking; no customer account can have it (theirs are generated). */
    public static final String ADMIN = PulseTopology.ADMIN_TRACKING_ACCOUNT;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TrackingChanges changes;

    public AdminTracking(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.changes = new TrackingChanges(dynamo, table);
    }

    /** Adds the admin account to each page's set (idempotent). */
    public void track(Collection<String> pageIds) {
        pageIds.forEach(id -> update(id, "ADD"));
    }

    /** Removes the admin account from each page's set; pages other accounts track stay tracked (idempotent). */
    public void untrack(Collection<String> pageIds) {
        pageIds.forEach(id -> update(id, "DELETE"));
    }

    private void update(String pageId, String action) {
        changes.record(pageId, Instant.now()); // logged first, as the accounts function does, so ingest sees it
        dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(DynamoTrackedPages.KEY, AttributeValue.fromS(pageId)))
                .updateExpression(action + " #a :a")
                .expressionAttributeNames(Map.of("#a", DynamoTrackedPages.ACCOUNTS))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(List.of(ADMIN)))));
    }
}
