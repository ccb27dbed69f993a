package dev.pulse.bench.accounts;

import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.tools.firehose.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A tracked-pages table holding {@code size} tracked pages across {@value #ACCOUNTS} accounts, kept between runs
 * (loading a million items into dynalite takes minutes): every even simulator rank is tracked, so half the firehose's
 * pages are. A marker item, written last, says the load completed.
 */
final class MillionTrackedTable {
    static final int ACCOUNTS = 100_000;
    private static final int BATCH = 25;
    private static final int THREADS = 6;

    private final DynamoDbClient dynamo;
    private final int size;
    final String table;

    MillionTrackedTable(DynamoDbClient dynamo, int size) {
        this.dynamo = dynamo;
        this.size = size;
        this.table = "bench-tracked-" + size;
    }

    /** Whether the simulator page of this rank is tracked in the table. */
    static boolean tracked(int rank, int size) {
        return rank % 2 == 0 && rank / 2 < size;
    }

    /** Creates and loads the table unless a previous run completed it; returns the seconds spent loading. */
    double ensure() throws Exception {
        if (loaded()) {
            System.out.printf("table %s: reused, %,d tracked pages%n", table, size);
            return 0;
        }
        long started = System.nanoTime();
        create();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int part = t;
                parts.add(pool.submit(() -> load(part)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
        dynamo.putItem(p -> p.tableName(table).item(Map.of(DynamoTrackedPages.KEY, AttributeValue.fromS(marker()))));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("table %s: loaded %,d tracked pages in %.0f s%n", table, size, seconds);
        return seconds;
    }

    private void load(int part) {
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (int i = part; i < size; i += THREADS) {
            Map<String, AttributeValue> item = Map.of(
                    DynamoTrackedPages.KEY, AttributeValue.fromS(Simulator.pageId(2 * i)),
                    DynamoTrackedPages.ACCOUNTS, AttributeValue.fromSs(List.of("acct-" + (i % ACCOUNTS))));
            batch.add(WriteRequest.builder().putRequest(r -> r.item(item)).build());
            if (batch.size() == BATCH) {
                write(batch);
                batch = new ArrayList<>(BATCH);
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

    private boolean loaded() {
        try {
            return dynamo.getItem(
                            g -> g.tableName(table).key(Map.of(DynamoTrackedPages.KEY, AttributeValue.fromS(marker()))))
                    .hasItem();
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void create() {
        try {
            dynamo.describeTable(d -> d.tableName(table));
            // A load cut short: the puts are idempotent, so it simply runs again over the same table.
        } catch (ResourceNotFoundException e) {
            dynamo.createTable(c -> c.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            a -> a.attributeName(DynamoTrackedPages.KEY).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(DynamoTrackedPages.KEY).keyType(KeyType.HASH)));
            dynamo.waiter().waitUntilTableExists(d -> d.tableName(table));
        }
    }

    private String marker() {
        return "loaded-" + size;
    }
}
