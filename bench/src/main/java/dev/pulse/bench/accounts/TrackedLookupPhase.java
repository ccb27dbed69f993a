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
import dev.pulse.ingest.adapter.opensearch.OpenSearchBulkSink;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.BatchResult;
import dev.pulse.ingest.application.InboundRecord;
import dev.pulse.ingest.application.IndexNames;
import dev.pulse.ingest.application.IngestMetrics;
import dev.pulse.ingest.application.IngestService;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.application.TrackedPages;
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
import java.util.function.Supplier;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ingest's handler-only posts/s with the tracked pages read from a DynamoDB table of a million (the per-page cache over
 * BatchGetItem, cold at the start as a fresh instance's is) against the same million held in memory, as the scanned
 * snapshot did. Both index the same posts into OpenSearch, one service per shard, in alternating rounds.
 */
public final class TrackedLookupPhase {
    /** What to run. */
    public record Settings(int trackedPages, int posts, int pages, int shards, int batch, int rounds, long seed) {}

    /** Posts per second of each variant, summed over the rounds. */
    public record Figures(double inMemory, double dynamo) {
        public double ratio() {
            return dynamo / inMemory;
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
            List<SimRecord> records = ShardedBatches.records(settings.seed(), settings.posts(), settings.pages());
            long expected = records.stream()
                    .filter(r -> inMemory.contains(r.page().pageId()))
                    .count();
            List<List<List<InboundRecord>>> shards = ShardedBatches.of(records, settings.shards(), settings.batch());
            System.out.printf(
                    "sizes: %,d tracked pages in %s across %,d accounts; %,d posts over %,d pages (%,d from tracked"
                            + " pages); %d shards, %d aggregated records per batch; %d rounds; load %s%n",
                    settings.trackedPages(),
                    table.table,
                    MillionTrackedTable.ACCOUNTS,
                    settings.posts(),
                    settings.pages(),
                    expected,
                    settings.shards(),
                    settings.batch(),
                    settings.rounds(),
                    MachineFacts.loadAverage());
            Supplier<TrackedPages> memory = () -> asked -> {
                Set<String> found = new HashSet<>(asked);
                found.retainAll(inMemory);
                return found;
            };
            Supplier<TrackedPages> stored = () -> new CachedTrackedPages(
                    new DynamoTrackedPages(dynamo, table.table),
                    Duration.ofSeconds(30),
                    IngestConfig.TRACKED_CACHE_PAGES,
                    Clock.systemUTC());
            timed("warm-up", memory, shards, expected);
            long memoryNanos = 0;
            long dynamoNanos = 0;
            for (int round = 0; round < settings.rounds(); round++) {
                // Alternating which goes first spreads the machine's drift over both.
                if (round % 2 == 0) {
                    memoryNanos += timed("in-memory-" + round, memory, shards, expected);
                    dynamoNanos += timed("dynamodb-" + round, stored, shards, expected);
                } else {
                    dynamoNanos += timed("dynamodb-" + round, stored, shards, expected);
                    memoryNanos += timed("in-memory-" + round, memory, shards, expected);
                }
            }
            long total = (long) settings.posts() * settings.rounds();
            return new Figures(total / (memoryNanos / 1e9), total / (dynamoNanos / 1e9));
        }
    }

    /** One run of every shard's batches through its own service; fails unless exactly the tracked posts landed. */
    private long timed(
            String name, Supplier<TrackedPages> tracked, List<List<List<InboundRecord>>> shards, long expected)
            throws Exception {
        try (PhaseIndices indices =
                new PhaseIndices(pulse.openSearch().endpoint().toString(), id + "-" + name)) {
            var search = new OpenSearchGenericClient(OpenSearchClients.transport(pulse.openSearch()));
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(shards.size())) {
                List<Future<?>> running = new ArrayList<>();
                for (List<List<InboundRecord>> shard : shards) {
                    IngestService service = service(tracked.get(), search, indices);
                    running.add(pool.submit(() -> {
                        for (List<InboundRecord> batch : shard) {
                            BatchResult result =
                                    service.ingest(batch, Instant.now().plusSeconds(60));
                            if (!result.failedSequenceNumbers().isEmpty()) {
                                throw new IllegalStateException(name + ": the batch reported failures");
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
            long indexed = indices.postCount();
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,.0f posts/s (%.1f s), indexed %,d posts (expected %,d); load %s%n",
                    name,
                    settings.posts() / (elapsed / 1e9),
                    elapsed / 1e9,
                    indexed,
                    expected,
                    MachineFacts.loadAverage());
            if (indexed != expected) {
                throw new IllegalStateException(name + ": indexed " + indexed + " posts, expected " + expected);
            }
            return elapsed;
        }
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
                clock);
    }
}
