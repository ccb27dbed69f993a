package dev.pulse.bench.accounts;

import dev.pulse.bench.PhaseIndices;
import dev.pulse.bench.mentions.MachineFacts;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.ingest.adapter.cache.CachedTrackedPages;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackingChangeFeed;
import dev.pulse.ingest.adapter.opensearch.OpenSearchBulkSink;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.BatchResult;
import dev.pulse.ingest.application.InboundRecord;
import dev.pulse.ingest.application.IndexNames;
import dev.pulse.ingest.application.IngestMetrics;
import dev.pulse.ingest.application.IngestService;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.application.TrackedPages;
import dev.pulse.ingest.application.WrittenPages;
import dev.pulse.ingest.domain.PostParser;
import dev.pulse.tools.firehose.SimRecord;
import dev.pulse.tools.firehose.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ingest's handler-only posts/s with the tracked pages read from a DynamoDB table of a million (the per-page cache over
 * BatchGetItem, with the change log polled every 5 s, as production wires it) against the same million held in memory,
 * as the scanned snapshot did. Both index the same posts into OpenSearch, one service per shard, in alternating rounds.
 * Each round is one instance's life: a cold first stretch (every page a miss for the cache; the in-memory set's own
 * load is not counted, as it never was), then a steady stretch on the same instances, during which the change log is
 * read every poll interval. The ratio of the steady stretches is the figure; the cold one is printed beside it. (The
 * answers' 10-minute TTL is a safety net renewed ahead in the background; a stretch does not last that long.)
 */
public final class TrackedLookupPhase {
    /** The production TTL of the per-page answers. */
    private static final int MAX_ATTEMPTS = 5;

    static final Duration TTL = Duration.ofMillis(IngestConfig.DEFAULT_TRACKED_TTL_MS);

    /** What to run. */
    public record Settings(
            int trackedPages, int warmupPosts, int posts, int pages, int shards, int batch, int rounds, long seed) {}

    /** Posts per second of each variant, summed over the rounds: the steady stretches, and the cold ones. */
    public record Figures(double inMemory, double dynamo, double coldInMemory, double coldDynamo) {
        public double ratio() {
            return dynamo / inMemory;
        }

        public double coldRatio() {
            return coldDynamo / coldInMemory;
        }
    }

    private final Settings settings;
    private final PulseConfig pulse = PulseConfig.fromEnv(LocalProfile.environment(System.getenv()));
    private final String id = "bench-tracked-" + UUID.randomUUID().toString().substring(0, 8);

    public TrackedLookupPhase(Settings settings) {
        this.settings = settings;
    }

    public Figures run() throws Exception {
        System.out.println("== tracked-pages lookup: ingest handler with 1M tracked pages ==");
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s; load %s; java %s%n",
                Runtime.getRuntime().availableProcessors(),
                MachineFacts.cpuModel(),
                MachineFacts.loadAverage(),
                System.getProperty("java.version"));
        try (DynamoDbClient dynamo = new AwsClients(pulse).dynamoDb()) {
            MillionTrackedTable table = new MillionTrackedTable(dynamo, settings.trackedPages());
            table.ensure();
            Set<String> inMemory = new HashSet<>(settings.trackedPages() * 2);
            for (int i = 0; i < settings.trackedPages(); i++) {
                inMemory.add(Simulator.pageId(2 * i));
            }
            List<SimRecord> records = ShardedBatches.records(
                    settings.seed(), settings.warmupPosts() + settings.posts(), settings.pages());
            Stretch cold = new Stretch("cold", records.subList(0, settings.warmupPosts()), inMemory);
            Stretch steady = new Stretch("steady", records.subList(settings.warmupPosts(), records.size()), inMemory);
            System.out.printf(
                    "sizes: %,d tracked pages in %s across %,d accounts; %,d cold + %,d steady posts over %,d pages"
                            + " (%,d + %,d from tracked pages); %d shards, %d aggregated records per batch; %d rounds;"
                            + " per-page TTL %d s; load %s%n",
                    settings.trackedPages(),
                    table.table,
                    MillionTrackedTable.ACCOUNTS,
                    settings.warmupPosts(),
                    settings.posts(),
                    settings.pages(),
                    cold.expected,
                    steady.expected,
                    settings.shards(),
                    settings.batch(),
                    settings.rounds(),
                    TTL.toSeconds(),
                    MachineFacts.loadAverage());
            Supplier<TrackedPages> memory = () -> asked -> {
                Set<String> found = new HashSet<>(asked);
                found.retainAll(inMemory);
                return found;
            };
            Supplier<TrackedPages> stored = () -> new CachedTrackedPages(
                    new DynamoTrackedPages(dynamo, table.table),
                    new DynamoTrackingChangeFeed(dynamo, table.table),
                    Duration.ofMillis(IngestConfig.DEFAULT_TRACKED_POLL_MS),
                    TTL,
                    IngestConfig.TRACKED_CACHE_PAGES,
                    Clock.systemUTC());
            timed("warm-up", memory, cold, steady);
            long[] memoryNanos = new long[2];
            long[] dynamoNanos = new long[2];
            for (int round = 0; round < settings.rounds(); round++) {
                // Alternating which goes first spreads the machine's drift over both.
                if (round % 2 == 0) {
                    add(memoryNanos, timed("in-memory-" + round, memory, cold, steady));
                    add(dynamoNanos, timed("dynamodb-" + round, stored, cold, steady));
                } else {
                    add(dynamoNanos, timed("dynamodb-" + round, stored, cold, steady));
                    add(memoryNanos, timed("in-memory-" + round, memory, cold, steady));
                }
            }
            double coldPosts = (double) settings.warmupPosts() * settings.rounds();
            double steadyPosts = (double) settings.posts() * settings.rounds();
            return new Figures(
                    steadyPosts / (memoryNanos[1] / 1e9),
                    steadyPosts / (dynamoNanos[1] / 1e9),
                    coldPosts / (memoryNanos[0] / 1e9),
                    coldPosts / (dynamoNanos[0] / 1e9));
        }
    }

    private static void add(long[] sums, long[] nanos) {
        sums[0] += nanos[0];
        sums[1] += nanos[1];
    }

    /** A stretch of the stream: its batches per shard, and how many of its posts are from tracked pages. */
    private final class Stretch {
        final String name;
        final int posts;
        final List<List<List<InboundRecord>>> shards;
        final long expected;

        Stretch(String name, List<SimRecord> records, Set<String> tracked) {
            this.name = name;
            this.posts = records.size();
            this.shards = ShardedBatches.of(records, settings.shards(), settings.batch());
            this.expected = records.stream()
                    .filter(r -> tracked.contains(r.page().pageId()))
                    .count();
        }
    }

    /**
     * One instance per shard runs the cold stretch, then the steady one; returns the nanos of each. Fails unless
     * exactly the tracked posts landed.
     */
    private long[] timed(String name, Supplier<TrackedPages> tracked, Stretch cold, Stretch steady) throws Exception {
        try (PhaseIndices indices =
                new PhaseIndices(pulse.openSearch().endpoint().toString(), id + "-" + name)) {
            var search = new OpenSearchGenericClient(OpenSearchClients.transport(pulse.openSearch()));
            List<IngestService> instances = new ArrayList<>();
            for (int shard = 0; shard < settings.shards(); shard++) {
                instances.add(service(tracked.get(), search, indices));
            }
            long[] nanos = {stretch(name, cold, instances), stretch(name, steady, instances)};
            long indexed = indices.postCount();
            long expected = cold.expected + steady.expected;
            System.out.printf(
                    Locale.ROOT,
                    "%s: indexed %,d posts (expected %,d); load %s%n",
                    name,
                    indexed,
                    expected,
                    MachineFacts.loadAverage());
            if (indexed != expected) {
                throw new IllegalStateException(name + ": indexed " + indexed + " posts, expected " + expected);
            }
            return nanos;
        }
    }

    private long stretch(String name, Stretch stretch, List<IngestService> instances) throws Exception {
        AtomicInteger retries = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (int shard = 0; shard < instances.size(); shard++) {
                IngestService service = instances.get(shard);
                List<List<InboundRecord>> batches = stretch.shards.get(shard);
                running.add(pool.submit(() -> {
                    for (List<InboundRecord> batch : batches) {
                        // As the event-source mapping does, a batch that reports failures is sent again (indexing
                        // is idempotent, so the exact count below still holds); the retries are counted.
                        for (int attempt = 1; ; attempt++) {
                            BatchResult result =
                                    service.ingest(batch, Instant.now().plusSeconds(60));
                            if (result.failedSequenceNumbers().isEmpty()) {
                                break;
                            }
                            if (attempt == MAX_ATTEMPTS) {
                                throw new IllegalStateException(name + ": a batch failed " + attempt + " times");
                            }
                            retries.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> shard : running) {
                shard.get();
            }
        }
        long elapsed = System.nanoTime() - started;
        System.out.printf(
                Locale.ROOT,
                "%s %s: %,.0f posts/s (%.1f s, %d batches retried); load %s%n",
                name,
                stretch.name,
                stretch.posts / (elapsed / 1e9),
                elapsed / 1e9,
                retries.get(),
                MachineFacts.loadAverage());
        return elapsed;
    }

    private static IngestService service(TrackedPages tracked, OpenSearchGenericClient search, PhaseIndices indices) {
        Clock clock = Clock.systemUTC();
        return new IngestService(
                new PostParser(QuarantineEntry.MAX_PAYLOAD_BYTES),
                tracked,
                new OpenSearchBulkSink(search, IngestConfig.BULK_LIMIT, Backoff.DEFAULT, clock),
                entries -> {
                    throw new IllegalStateException("the benchmark's posts hold no poison");
                },
                IngestMetrics.NONE,
                new IndexNames(indices.pages(), indices.posts()),
                clock,
                // every page written, as this phase has always measured: its figure is the tracked-page lookups' cost
                new WrittenPages(WrittenPages.Policy.OFF));
    }
}
