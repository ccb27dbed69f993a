package dev.pulse.accounts.adapter.dynamodb;

import static dev.pulse.accounts.adapter.dynamodb.Dynamo.n;
import static dev.pulse.accounts.adapter.dynamodb.Dynamo.s;

import dev.pulse.accounts.application.TrackedSetTables;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.core.tracking.TrackingChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The reconciliation's view of account-pages, tracked-pages and the accounts counters. Scans run as parallel segments
 * (one thread each), page through with the SDK's paginator and project only the keys they need; the page→accounts map
 * shares one string per account id, so 1,000,000 rows over 100,000 accounts stay well inside the function's memory.
 */
public final class DynamoTrackedSetTables implements TrackedSetTables {
    private final DynamoDbClient dynamo;
    private final String accountPages;
    private final String trackedPages;
    private final String accounts;
    private final int segments;
    private final DynamoPageTracking tracking;
    private final DynamoTrackedPageStore pages;

    public DynamoTrackedSetTables(
            DynamoDbClient dynamo, String accountPages, String trackedPages, String accounts, int segments) {
        this.dynamo = dynamo;
        this.accountPages = accountPages;
        this.trackedPages = trackedPages;
        this.accounts = accounts;
        this.segments = segments;
        this.tracking = new DynamoPageTracking(dynamo, trackedPages, Clock.systemUTC());
        this.pages = new DynamoTrackedPageStore(dynamo, accountPages);
    }

    @Override
    public Map<String, Set<String>> accountsByPage() {
        Map<String, Set<String>> byPage = new ConcurrentHashMap<>();
        Map<String, String> ids = new ConcurrentHashMap<>();
        scan(ScanRequest.builder().tableName(accountPages).projectionExpression("accountId, pageId"), item -> {
            String account = ids.computeIfAbsent(item.get("accountId").s(), a -> a);
            byPage.computeIfAbsent(item.get("pageId").s(), p -> ConcurrentHashMap.newKeySet())
                    .add(account);
        });
        return byPage;
    }

    @Override
    public void scanTrackedSets(BiConsumer<String, Set<String>> visitor) {
        scan(
                ScanRequest.builder()
                        .tableName(trackedPages)
                        .projectionExpression("pageId, #s")
                        .expressionAttributeNames(Map.of("#s", DynamoPageTracking.ACCOUNTS)),
                item -> {
                    if (TrackingChanges.isChangeLogKey(item.get("pageId").s())) {
                        return; // the change log shares the table; it is no page
                    }
                    AttributeValue set = item.get(DynamoPageTracking.ACCOUNTS);
                    visitor.accept(item.get("pageId").s(), set == null ? Set.of() : Set.copyOf(set.ss()));
                });
    }

    @Override
    public boolean isTracked(String accountId, String pageId) {
        Map<String, AttributeValue> item = Dynamo.call(() -> dynamo.getItem(g -> g.tableName(accountPages)
                        .key(Map.of("accountId", s(accountId), "pageId", s(pageId)))
                        .consistentRead(true))
                .item());
        return item != null && !item.isEmpty();
    }

    @Override
    public void add(String pageId, String accountId) {
        tracking.update(pageId, accountId, "ADD");
    }

    @Override
    public void remove(String pageId, String accountId) {
        tracking.update(pageId, accountId, "DELETE");
    }

    @Override
    public void scanTrackedCounts(BiConsumer<String, Counter> visitor) {
        scan(
                ScanRequest.builder()
                        .tableName(accounts)
                        .projectionExpression("accountId, #c, #t")
                        .expressionAttributeNames(Map.of(
                                "#c", DynamoAccountStore.TRACKED_COUNT, "#t", DynamoAccountStore.TRACKED_CHANGED_AT)),
                item -> visitor.accept(item.get("accountId").s(), counter(item)));
    }

    @Override
    public Optional<Counter> trackedCount(String accountId) {
        Map<String, AttributeValue> item = Dynamo.call(() -> dynamo.getItem(g -> g.tableName(accounts)
                        .key(Map.of("accountId", s(accountId)))
                        .consistentRead(true))
                .item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(counter(item));
    }

    @Override
    public long countTracked(String accountId) {
        return pages.count(new AccountId(accountId));
    }

    @Override
    public boolean repairTrackedCount(String accountId, Counter seen, long actual) {
        Map<String, String> names = new HashMap<>(
                Map.of("#c", DynamoAccountStore.TRACKED_COUNT, "#t", DynamoAccountStore.TRACKED_CHANGED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":actual", n(actual), ":seen", n(seen.value())));
        String condition;
        if (seen.changedAt() == null) {
            // Never changed since it was created (or made before the counter existed): it must still be so.
            names.put("#k", "accountId");
            condition =
                    "attribute_exists(#k) AND attribute_not_exists(#t) AND (attribute_not_exists(#c) OR #c = :seen)";
        } else {
            condition = "#c = :seen AND #t = :at";
            values.put(":at", n(seen.changedAt().toEpochMilli()));
        }
        return Dynamo.conditional(() -> dynamo.updateItem(u -> u.tableName(accounts)
                .key(Map.of("accountId", s(accountId)))
                .updateExpression("SET #c = :actual")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)));
    }

    private static Counter counter(Map<String, AttributeValue> item) {
        AttributeValue count = item.get(DynamoAccountStore.TRACKED_COUNT);
        AttributeValue at = item.get(DynamoAccountStore.TRACKED_CHANGED_AT);
        return new Counter(
                count == null ? 0 : Long.parseLong(count.n()),
                at == null ? null : Instant.ofEpochMilli(Long.parseLong(at.n())));
    }

    /** Scans every segment on its own thread; the first failure fails the scan. */
    private void scan(ScanRequest.Builder request, Consumer<Map<String, AttributeValue>> each) {
        ExecutorService pool = Executors.newFixedThreadPool(segments);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                ScanRequest part =
                        request.copy().segment(segment).totalSegments(segments).build();
                running.add(pool.submit(() -> Dynamo.call(() -> {
                    dynamo.scanPaginator(part).items().forEach(each);
                    return null;
                })));
            }
            for (Future<?> segment : running) {
                segment.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan of " + request.build().tableName() + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
