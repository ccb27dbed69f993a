package dev.pulse.ingest.adapter.dynamodb;

import dev.pulse.core.tracking.TrackingChanges;
import dev.pulse.ingest.application.TrackingChangeFeed;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tracked set's change log in the tracked-pages table: one {@code BatchGetItem} of the last two minutes. */
public final class DynamoTrackingChangeFeed implements TrackingChangeFeed {
    private final TrackingChanges changes;

    public DynamoTrackingChangeFeed(DynamoDbClient dynamo, String table) {
        this.changes = new TrackingChanges(dynamo, table);
    }

    @Override
    public Map<String, Instant> recent(Instant now) {
        return changes.recent(now);
    }
}
