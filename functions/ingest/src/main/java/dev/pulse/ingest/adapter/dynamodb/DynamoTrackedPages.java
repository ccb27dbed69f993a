package dev.pulse.ingest.adapter.dynamodb;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.TransientFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Looks up only the asked pages in the tracked-pages table, {@value #BATCH_KEYS} keys per {@code BatchGetItem}: a page
 * is tracked while its {@code accounts} string set is non-empty. Its cost follows the batch, not the million pages
 * tracked.
 */
public final class DynamoTrackedPages implements TrackedPages {
    public static final String KEY = "pageId";
    /** The account ids tracking a page; DynamoDB drops the attribute when the last one is deleted. */
    public static final String ACCOUNTS = PulseTopology.TRACKED_PAGES_ACCOUNTS;
    /** DynamoDB's limit of keys per BatchGetItem. */
    static final int BATCH_KEYS = 100;
    /** Requests in flight at once for one large batch. */
    private static final int LANES = 4;
    /** UnprocessedKeys means throttling; past this many rounds the batch is retried by Kinesis instead. */
    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    public DynamoTrackedPages(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    public DynamoTrackedPages(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Backoff.DEFAULT);
    }

    @Override
    public Set<String> trackedAmong(Set<String> pageIds) {
        List<List<Map<String, AttributeValue>>> chunks = new ArrayList<>();
        for (String id : pageIds) {
            if (chunks.isEmpty() || chunks.getLast().size() == BATCH_KEYS) {
                chunks.add(new ArrayList<>(BATCH_KEYS));
            }
            chunks.getLast().add(Map.of(KEY, AttributeValue.fromS(id)));
        }
        Set<String> tracked = ConcurrentHashMap.newKeySet();
        try {
            if (chunks.size() == 1) {
                read(chunks.getFirst(), tracked);
            } else if (!chunks.isEmpty()) {
                readInLanes(chunks, tracked);
            }
        } catch (SdkException e) {
            throw new TransientFailureException("tracked pages cannot be read from " + table, e);
        }
        return tracked;
    }

    /** A batch of thousands of pages waits on round trips, not on DynamoDB: a few requests go in flight at once. */
    private void readInLanes(List<List<Map<String, AttributeValue>>> chunks, Set<String> tracked) {
        int lanes = Math.min(LANES, chunks.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                int first = lane;
                running.add(pool.submit(() -> {
                    for (int i = first; i < chunks.size(); i += lanes) {
                        read(chunks.get(i), tracked);
                    }
                }));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new TransientFailureException("tracked pages cannot be read from " + table, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while reading tracked pages", e);
        }
    }

    private void read(List<Map<String, AttributeValue>> keys, Set<String> tracked) {
        Map<String, KeysAndAttributes> pending = Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(keys)
                        .projectionExpression("#k, #a")
                        .expressionAttributeNames(Map.of("#k", KEY, "#a", ACCOUNTS))
                        .build());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                throw new TransientFailureException(
                        "tracked pages still unprocessed after " + attempt + " reads", null);
            }
            if (attempt > 0 && !Backoff.sleep(backoff.delay(attempt))) {
                throw new TransientFailureException("interrupted while reading tracked pages", null);
            }
            var response = dynamo.batchGetItem(
                    BatchGetItemRequest.builder().requestItems(pending).build());
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                AttributeValue accounts = item.get(ACCOUNTS);
                if (accounts != null && accounts.hasSs() && !accounts.ss().isEmpty()) {
                    tracked.add(item.get(KEY).s());
                }
            }
            pending = response.unprocessedKeys();
        }
    }
}
