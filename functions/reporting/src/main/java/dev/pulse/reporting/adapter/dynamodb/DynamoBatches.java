package dev.pulse.reporting.adapter.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB's batch calls at their limits (100 keys a {@code BatchGetItem}, 25 requests a {@code BatchWriteItem}),
 * resending what a call left unprocessed (throttling, a busy partition) with a doubling pause, and failing when some is
 * still left after {@link #ATTEMPTS} calls.
 */
final class DynamoBatches {
    static final int GET_LIMIT = 100;
    static final int WRITE_LIMIT = 25;
    static final int ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private DynamoBatches() {}

    /** Every item of {@code keys} that exists, with {@code projection} applied (consistent reads). */
    static List<Map<String, AttributeValue>> get(
            DynamoDbClient dynamo,
            String table,
            List<Map<String, AttributeValue>> keys,
            String projection,
            Map<String, String> names) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += GET_LIMIT) {
            Map<String, KeysAndAttributes> pending = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(keys.subList(i, Math.min(keys.size(), i + GET_LIMIT)))
                            .projectionExpression(projection)
                            .expressionAttributeNames(names)
                            .consistentRead(true)
                            .build());
            Duration pause = FIRST_PAUSE;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new IllegalStateException(
                            "BatchGetItem on " + table + " left keys unprocessed after " + ATTEMPTS + " calls");
                }
                if (attempt > 1) {
                    pause = sleep(pause);
                }
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamo.batchGetItem(b -> b.requestItems(request));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    /** Sends {@code requests} (puts or deletes of distinct keys) in batches of 25. */
    static void write(DynamoDbClient dynamo, String table, List<WriteRequest> requests) {
        for (int i = 0; i < requests.size(); i += WRITE_LIMIT) {
            Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(
                    table, List.copyOf(requests.subList(i, Math.min(requests.size(), i + WRITE_LIMIT)))));
            Duration pause = FIRST_PAUSE;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new IllegalStateException(
                            "BatchWriteItem on " + table + " left items unprocessed after " + ATTEMPTS + " calls");
                }
                if (attempt > 1) {
                    pause = sleep(pause);
                }
                Map<String, List<WriteRequest>> request = pending;
                var response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static Duration sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resending a batch", e);
        }
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
    }
}
