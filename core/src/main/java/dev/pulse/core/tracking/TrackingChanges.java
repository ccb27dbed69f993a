package dev.pulse.core.tracking;

import dev.pulse.core.topology.PulseTopology;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The change log of the tracked set, in the tracked-pages table itself: whoever changes a page's account set (the
 * accounts function, its reconciliation, the admin tool) first records the page in the current minute's item, and
 * ingest polls the last two minutes' items every few seconds to drop its cached answers for those pages. So a tracking
 * change reaches ingest within a poll interval plus a lookup, while ingest's answers for the pages nobody changes can
 * live for minutes instead of being looked up again every 30 seconds.
 *
 * <p>Items are keyed {@code changes#<minute>#<shard>} ({@value #SHARDS} shards a minute, by page id, so a minute holds
 * hundreds of thousands of changes under DynamoDB's 400 KB item limit) and expire an hour later through the table's
 * TTL. Recording is a string-set {@code ADD}: idempotent, so a retried write or a repair records nothing twice.
 */
public final class TrackingChanges {
    static final int SHARDS = 16;
    /** How long a change-log item is kept; ingest reads only the last two minutes. */
    static final Duration KEEP = Duration.ofHours(1);

    private static final String KEY = "pageId";

    private final DynamoDbClient dynamo;
    private final String table;

    public TrackingChanges(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Records that {@code pageId}'s account set changes at {@code now}; call before the change is written. */
    public void record(String pageId, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(KEY, AttributeValue.fromS(key(minute, shard(pageId)))))
                .updateExpression("ADD #p :p SET #e = :e")
                .expressionAttributeNames(
                        Map.of("#p", PulseTopology.TRACKED_PAGES_CHANGED, "#e", PulseTopology.TRACKED_PAGES_EXPIRES))
                .expressionAttributeValues(Map.of(
                        ":p", AttributeValue.fromSs(List.of(pageId)),
                        ":e",
                                AttributeValue.fromN(
                                        Long.toString(minute.plus(KEEP).getEpochSecond())))));
    }

    /**
     * The pages changed in the minute of {@code now} and the minute before, each with the end of the minute it was
     * recorded in (an answer fetched before that end may predate the change). One {@code BatchGetItem}.
     */
    public Map<String, Instant> recent(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        List<Instant> minutes = List.of(current.minus(Duration.ofMinutes(1)), current);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Instant minute : minutes) {
            for (int shard = 0; shard < SHARDS; shard++) {
                keys.add(Map.of(KEY, AttributeValue.fromS(key(minute, shard))));
            }
        }
        Map<String, Instant> changed = new HashMap<>();
        Map<String, KeysAndAttributes> pending =
                Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        for (int round = 0; !pending.isEmpty() && round < 4; round++) {
            var requested = pending;
            var response = dynamo.batchGetItem(b -> b.requestItems(requested));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                Instant end = minuteOf(item.get(KEY).s()).plus(Duration.ofMinutes(1));
                AttributeValue pages = item.get(PulseTopology.TRACKED_PAGES_CHANGED);
                if (pages != null && pages.hasSs()) {
                    for (String page : pages.ss()) {
                        changed.merge(page, end, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
            pending = response.unprocessedKeys();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("the tracked-pages change log stayed unprocessed");
        }
        return changed;
    }

    /** True for a change-log item's key, which is no page's. */
    public static boolean isChangeLogKey(String key) {
        return key.startsWith(PulseTopology.TRACKED_PAGES_CHANGES_PREFIX);
    }

    static int shard(String pageId) {
        return Math.floorMod(pageId.hashCode(), SHARDS);
    }

    static String key(Instant minute, int shard) {
        return PulseTopology.TRACKED_PAGES_CHANGES_PREFIX + minute + "#" + shard;
    }

    private static Instant minuteOf(String key) {
        String rest = key.substring(PulseTopology.TRACKED_PAGES_CHANGES_PREFIX.length());
        return Instant.parse(rest.substring(0, rest.lastIndexOf('#')));
    }
}
