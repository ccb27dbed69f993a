package dev.pulse.ingest.adapter.dynamodb;

import dev.pulse.ingest.application.Backoff;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Reads the whole tracked-pages table (page ids only). Tracked pages are few next to the firehose's pages, so one
 * paginated scan per cache period costs less than a lookup per page seen.
 */
public final class DynamoTrackedPages implements Supplier<Set<String>> {
    public static final String KEY = "pageId";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTrackedPages(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<String> get() {
        Set<String> ids = new HashSet<>();
        dynamo.scanPaginator(s -> s.tableName(table).projectionExpression(KEY))
                .items()
                .forEach(item -> ids.add(item.get(KEY).s()));
        return ids;
    }

    /** Marks pages tracked (idempotent); the seeding command uses it until accounts exist. */
    public void track(Collection<String> pageIds) {
        List<WriteRequest> batch = new ArrayList<>();
        for (String id : pageIds) {
            batch.add(WriteRequest.builder()
                    .putRequest(p -> p.item(Map.of(KEY, AttributeValue.fromS(id))))
                    .build());
            if (batch.size() == 25) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                Backoff.sleep(Backoff.DEFAULT.delay(attempt));
            }
            pending = dynamo.batchWriteItem(BatchWriteItemRequest.builder()
                            .requestItems(pending)
                            .build())
                    .unprocessedItems();
        }
    }
}
