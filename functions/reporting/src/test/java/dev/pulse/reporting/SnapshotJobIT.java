package dev.pulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.adapter.dynamodb.DynamoFlagStore;
import dev.pulse.reporting.application.RunResult;
import dev.pulse.reporting.application.SnapshotStore;
import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.JobFlags;
import dev.pulse.reporting.domain.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The daily snapshot job through its production wiring against OpenSearch, dynalite and ElasticMQ, on a seeded corpus
 * with poison-like gaps (posts missing a count or their id, tracked pages the pages index does not know), checked
 * against a brute-force count over the same posts.
 */
class SnapshotJobIT {
    private static final String JOB = PulseTopology.DAILY_SNAPSHOTS_FUNCTION;
    private static final Window DAY = Granularity.DAY.at(Instant.parse("2026-12-01T00:00:00Z"));
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final int PAGES = 30;
    private static final int ACCOUNTS = 12;

    // Creating OpenSearch indices is the slow part on a shared machine: one seeded corpus for the class, and fresh
    // tables' contents and queue per test.
    private static LocalReporting local;
    private static final List<Map<String, Object>> posts = new ArrayList<>();
    private static final Map<String, List<String>> tracked = new TreeMap<>();
    private static final Map<String, Long> fans = new HashMap<>();

    @BeforeAll
    static void seedOnce() {
        local = new LocalReporting();
        seed(new Random(14));
    }

    @AfterAll
    static void drop() {
        local.close();
    }

    @BeforeEach
    void reset() {
        local.reset();
    }

    private static void seed(Random random) {
        List<String[]> docs = new ArrayList<>();
        for (int p = 0; p < PAGES - 2; p++) { // the last two pages are tracked but unknown to the pages index
            fans.put(page(p), 1_000L + p * 7);
            docs.add(new String[] {
                local.pagesIndex, page(p), "{\"pageId\":\"" + page(p) + "\",\"fans\":" + fans.get(page(p)) + "}"
            });
        }
        for (int i = 0; i < 900; i++) {
            String page = page(random.nextInt(PAGES));
            Instant created = DAY.start().minusSeconds(3_600).plusSeconds(random.nextInt(26 * 3_600));
            Map<String, Object> post = new HashMap<>();
            post.put("postId", page + "_" + i);
            post.put("pageId", page);
            post.put("createdTime", created.toString());
            post.put("reactions", random.nextInt(500));
            post.put("comments", random.nextInt(50));
            post.put("shares", random.nextInt(20));
            post.put(
                    "mentions",
                    List.of(page(random.nextInt(PAGES)), page(random.nextInt(PAGES))).stream()
                            .distinct()
                            .toList());
            int gap = random.nextInt(20);
            if (gap == 0) {
                post.remove("reactions");
            } else if (gap == 1) {
                post.remove("shares");
            } else if (gap == 2) {
                post.remove("postId");
            }
            posts.add(post);
            String day = created.toString().substring(0, 10).replace('-', '.');
            docs.add(new String[] {local.postsIndex(day), page + "_" + i, Json.write(post)});
        }
        local.bulk(docs);
        for (int a = 0; a < ACCOUNTS; a++) {
            List<String> pages = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                String page = page(random.nextInt(PAGES));
                if (!pages.contains(page)) {
                    pages.add(page);
                }
            }
            if (a == 0 && !pages.contains(page(PAGES - 1))) {
                pages.add(page(PAGES - 1));
            }
            String account = String.format("acct-%02d", a);
            tracked.put(account, pages);
            for (String page : pages) {
                local.dynamo.putItem(p -> p.tableName(local.tables.get(PulseTopology.ACCOUNT_PAGES_TABLE))
                        .item(Map.of(
                                "accountId", AttributeValue.fromS(account),
                                "pageId", AttributeValue.fromS(page),
                                "addedAt", AttributeValue.fromS("2026-11-01T00:00:00Z"))));
            }
        }
    }

    private static String page(int p) {
        return Long.toString(9_000_000 + p);
    }

    private ReportingWiring wiring() {
        return ReportingWiring.create(local.config(Map.of()), JOB);
    }

    private RunResult run(boolean fresh) {
        return wiring().snapshotJob().run(DAY, fresh, FAR);
    }

    private Map<String, AttributeValue> item(String account) {
        return local.dynamo
                .getItem(g -> g.tableName(local.tables.get(PulseTopology.REPORTS_TABLE))
                        .key(Map.of(
                                "accountId", AttributeValue.fromS(account),
                                "periodKey", AttributeValue.fromS(DAY.key()))))
                .item();
    }

    private Map<String, Map<String, AttributeValue>> items() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        tracked.keySet().forEach(a -> items.put(a, item(a)));
        return items;
    }

    /** The items as text with every map's keys sorted: equal text means equal bytes once serialized. */
    static String canonical(Object value) {
        if (value instanceof AttributeValue v) {
            if (v.hasM()) {
                return "{M:" + canonical(v.m()) + "}";
            }
            if (v.hasL()) {
                return "{L:" + v.l().stream().map(SnapshotJobIT::canonical).toList() + "}";
            }
            return v.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            new TreeMap<>(map)
                    .forEach((k, v) ->
                            text.append(k).append('=').append(canonical(v)).append(','));
            return text.append('}').toString();
        }
        return String.valueOf(value);
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    private boolean inDay(Map<String, Object> post) {
        Instant created = Instant.parse((String) post.get("createdTime"));
        return !created.isBefore(DAY.start()) && created.isBefore(DAY.end());
    }

    private static boolean complete(Map<String, Object> post) {
        return post.containsKey("postId")
                && post.containsKey("reactions")
                && post.containsKey("comments")
                && post.containsKey("shares");
    }

    private static long engagement(Map<String, Object> post) {
        return (int) post.get("reactions") + (int) post.get("comments") + (int) post.get("shares");
    }

    @Test
    void givenTheSeededCorpus_whenRun_thenEveryAccountsFiguresEqualTheBruteForceCount() {
        RunResult result = run(false);

        assertThat(result.status()).isEqualTo(RunResult.COMPLETE);
        assertThat(result.accountsWritten()).isEqualTo(ACCOUNTS);
        for (var entry : tracked.entrySet()) {
            List<String> known =
                    entry.getValue().stream().filter(fans::containsKey).toList();
            List<Map<String, Object>> own = posts.stream()
                    .filter(p -> inDay(p) && known.contains((String) p.get("pageId")))
                    .toList();
            List<Map<String, Object>> good =
                    own.stream().filter(SnapshotJobIT::complete).toList();
            Map<String, AttributeValue> item = item(entry.getKey());
            assertThat(n(item, "postCount")).as(entry.getKey()).isEqualTo(good.size());
            assertThat(n(item, "skippedPosts")).isEqualTo(own.size() - good.size());
            assertThat(n(item, "reactions"))
                    .isEqualTo(good.stream()
                            .mapToLong(p -> (int) p.get("reactions"))
                            .sum());
            assertThat(n(item, "engagement"))
                    .isEqualTo(
                            good.stream().mapToLong(SnapshotJobIT::engagement).sum());
            assertThat(n(item, "unknownPages")).isEqualTo(entry.getValue().size() - known.size());
            assertThat(n(item, "fans"))
                    .isEqualTo(known.stream().mapToLong(fans::get).sum());
            long mentions = 0;
            for (String page : known) {
                mentions += posts.stream()
                        .filter(p -> inDay(p) && ((List<?>) p.get("mentions")).contains(page))
                        .count();
            }
            assertThat(n(item, "mentionCount")).isEqualTo(mentions);
            List<String> top = good.stream()
                    .sorted(Comparator.comparingLong(SnapshotJobIT::engagement)
                            .reversed()
                            .thenComparing(p -> (String) p.get("postId")))
                    .limit(5)
                    .map(p -> (String) p.get("postId"))
                    .toList();
            assertThat(item.get("topPosts").l())
                    .extracting(v -> v.m().get("postId").s())
                    .containsExactlyElementsOf(top);
            long[] hours = new long[24];
            good.forEach(p -> hours[
                    Instant.parse((String) p.get("createdTime"))
                            .atZone(java.time.ZoneOffset.UTC)
                            .getHour()]++);
            assertThat(item.get("hourly").l())
                    .extracting(v -> Long.parseLong(v.n()))
                    .containsExactly(java.util.Arrays.stream(hours).boxed().toArray(Long[]::new));
        }
        // 30 distinct pages in one batch: fans, mentions and one composite page.
        assertThat(result.searchRequests()).isEqualTo(3);
    }

    @Test
    void givenACompletedRun_whenRebuiltFromScratch_thenEveryItemIsIdentical() {
        run(false);
        var first = items();

        RunResult again = run(true);

        assertThat(again.accountsWritten()).isEqualTo(ACCOUNTS);
        assertThat(canonical(items())).isEqualTo(canonical(first));
        assertThat(items()).isEqualTo(first);
    }

    @Test
    void givenACrashMidRun_whenRunAgain_thenItFinishesTheRest_andNothingIsCountedTwice() {
        run(false);
        var clean = items();
        local.dynamo
                .scan(s -> s.tableName(local.tables.get(PulseTopology.REPORT_RUNS_TABLE)))
                .items()
                .forEach(
                        i -> local.dynamo.deleteItem(d -> d.tableName(local.tables.get(PulseTopology.REPORT_RUNS_TABLE))
                                .key(i)));
        new DynamoFlagStore(local.dynamo, local.tables.get(PulseTopology.FLAGS_TABLE))
                .write(JOB, new JobFlags(true, 10, 1));
        AtomicInteger writes = new AtomicInteger();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        UnaryOperator<SnapshotStore> crashing = store -> new SnapshotStore() {
            @Override
            public Map<String, Map<String, Long>> fans(Collection<String> accountIds, Window window) {
                return store.fans(accountIds, window);
            }

            /** Dies at the 6th snapshot, halfway through its batch (those before it in the batch are written). */
            @Override
            public void write(List<AccountSnapshot> snapshots) {
                List<AccountSnapshot> before = new ArrayList<>();
                for (AccountSnapshot snapshot : snapshots) {
                    if (writes.incrementAndGet() > 5) {
                        store.write(before);
                        throw new OutOfMemoryError("simulated crash");
                    }
                    before.add(snapshot);
                }
                store.write(snapshots);
                snapshots.forEach(s -> committed.add(s.accountId()));
            }
        };
        assertThatThrownBy(() -> wiring().snapshotJob(crashing).run(DAY, false, FAR))
                .isInstanceOf(OutOfMemoryError.class);

        RunResult resumed = run(false);

        assertThat(committed)
                .as("batches written before the crash")
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(5);
        assertThat(resumed.accountsAlreadyDone()).isEqualTo(committed.size());
        assertThat(resumed.accountsWritten()).isEqualTo(ACCOUNTS - committed.size());
        assertThat(items()).isEqualTo(clean);
    }

    @Test
    void givenOneAccountFailing_whenRun_thenItGoesToTheDeadLetterQueue_andTheOthersComplete() {
        UnaryOperator<SnapshotStore> failing = store -> new SnapshotStore() {
            @Override
            public Map<String, Map<String, Long>> fans(Collection<String> accountIds, Window window) {
                return store.fans(accountIds, window);
            }

            @Override
            public void write(List<AccountSnapshot> snapshots) {
                if (snapshots.stream().anyMatch(s -> s.accountId().equals("acct-03"))) {
                    throw new IllegalStateException("item rejected");
                }
                store.write(snapshots);
            }
        };

        RunResult result = wiring().snapshotJob(failing).run(DAY, false, FAR);

        assertThat(result.accountsFailed()).isEqualTo(1);
        assertThat(result.accountsWritten()).isEqualTo(ACCOUNTS - 1);
        assertThat(item("acct-03")).isEmpty();
        assertThat(item("acct-04")).isNotEmpty();
        var messages = local.sqs
                .receiveMessage(
                        r -> r.queueUrl(local.queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
                .messages();
        assertThat(messages).singleElement().satisfies(m -> {
            ObjectNode body = Json.read(m.body(), ObjectNode.class);
            assertThat(body.path("accountId").asText()).isEqualTo("acct-03");
            assertThat(body.path("periodKey").asText()).isEqualTo(DAY.key());
            assertThat(body.path("job").asText()).isEqualTo(JOB);
        });
        assertThat(run(false).accountsWritten()).as("retried on the next run").isEqualTo(1);
    }

    @Test
    void givenTheFlagSwitchedOff_whenRun_thenTheJobExitsCleanlyAndWritesNothing() {
        new DynamoFlagStore(local.dynamo, local.tables.get(PulseTopology.FLAGS_TABLE))
                .write(JOB, new JobFlags(false, 500, 2));

        RunResult result = run(false);

        assertThat(result.status()).isEqualTo(RunResult.SWITCHED_OFF);
        assertThat(items().values()).allMatch(Map::isEmpty);
    }
}
