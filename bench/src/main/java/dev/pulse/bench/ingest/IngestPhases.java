package dev.pulse.bench.ingest;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.pulse.ingest.IngestHandler;
import dev.pulse.ingest.IngestWiring;
import dev.pulse.ingest.application.IngestMetrics;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.tools.firehose.KinesisPublisher;
import dev.pulse.tools.firehose.SimRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The four measurements of the ingest benchmark, on the same seeded posts, each into its own fresh indices. */
public final class IngestPhases {
    private static final int AGGREGATE_BYTES = 64 * 1024;

    /** What to run. */
    public record Settings(int posts, int naivePosts, int pages, int trackedTop, int shards, int batch, long seed) {}

    /** Posts per second of each phase. */
    public record Figures(double endToEnd, double handler, double naive, double ceiling) {}

    private final Settings settings;
    /** How many events the handler phase used, so the ceiling de-duplicates pages over the same batch sizes. */
    private int handlerBatches;

    public IngestPhases(Settings settings) {
        this.settings = settings;
    }

    public Figures run() throws Exception {
        BenchData data = new BenchData(settings.posts(), settings.pages(), settings.trackedTop(), settings.seed());
        printSetup(data);
        try (BenchStack stack = new BenchStack(settings.shards(), data.tracked)) {
            double handler = handlerOnly(stack, data);
            double endToEnd = endToEnd(stack, data);
            RawIndexer raw = new RawIndexer(stack.openSearch);
            double postsPerBatch = (double) settings.posts() / Math.max(1, handlerBatches);
            stack.phase("ceiling");
            long ceilingNanos = raw.ceiling(
                    data.records, data.tracked, stack.pages("ceiling"), stack.posts("ceiling"), (int) postsPerBatch);
            double ceiling = rate(settings.posts(), ceilingNanos);
            print("ceiling", "raw _bulk of the handler's documents, 2 requests in flight", ceiling, ceilingNanos);
            check(stack, "ceiling", data);
            stack.phase("naive");
            List<SimRecord> naivePosts = data.records.subList(0, Math.min(settings.naivePosts(), data.records.size()));
            long naiveNanos = raw.naive(naivePosts, data.tracked, stack.pages("naive"), stack.posts("naive"));
            double naive = rate(naivePosts.size(), naiveNanos);
            print(
                    "naive",
                    naivePosts.size() + " posts, one request per page and per tracked post, 2 threads",
                    naive,
                    naiveNanos);
            System.out.printf(
                    Locale.ROOT,
                    "speed-up over naive: %.1fx end to end, %.1fx handler%n",
                    endToEnd / naive,
                    handler / naive);
            return new Figures(endToEnd, handler, naive, ceiling);
        }
    }

    private double handlerOnly(BenchStack stack, BenchData data) throws Exception {
        IngestHandler handler = new IngestHandler(IngestWiring.from(stack.phase("handler"), IngestMetrics.NONE));
        List<List<KinesisEvent>> events = data.events(settings.shards(), AGGREGATE_BYTES, settings.batch());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(events.size())) {
            List<Future<?>> shards = new ArrayList<>();
            for (List<KinesisEvent> shard : events) {
                shards.add(pool.submit(() -> {
                    for (KinesisEvent event : shard) {
                        long t = System.nanoTime();
                        StreamsEventResponse response = handler.handleRequest(event, null);
                        latencies.add((System.nanoTime() - t) / 1_000_000);
                        if (!response.getBatchItemFailures().isEmpty()) {
                            throw new IllegalStateException("handler reported failures: " + response);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> shard : shards) {
                shard.get();
            }
        }
        long elapsed = System.nanoTime() - started;
        handlerBatches = latencies.size();
        double rate = rate(settings.posts(), elapsed);
        print(
                "handler",
                latencies.size() + " in-memory KinesisEvents of " + settings.batch()
                        + " aggregated records, one thread per shard",
                rate,
                elapsed);
        System.out.printf("handler batch latency ms: %s%n", percentiles(latencies));
        check(stack, "handler", data);
        return rate;
    }

    private double endToEnd(BenchStack stack, BenchData data) throws Exception {
        Map<String, String> resources = stack.phase("e2e");
        Path checkpoints = Files.createTempDirectory("bench-ingest-checkpoints");
        long started = System.nanoTime();
        long elapsed;
        try (RuntimeMapping mapping = new RuntimeMapping(stack.kinesis, stack.stream, resources, checkpoints)) {
            Map<String, String> last;
            try (KinesisPublisher publisher = new KinesisPublisher(stack.kinesis, stack.stream, AGGREGATE_BYTES, 64)) {
                for (SimRecord record : data.records) {
                    publisher.publish(new UserRecord(record.partitionKey(), record.payload()));
                }
                publisher.flush();
                last = publisher.stats().lastSequenceNumbers();
                System.out.printf(
                        Locale.ROOT,
                        "firehose: %d posts in %d Kinesis records, %.0f posts/s published%n",
                        publisher.stats().sent(),
                        publisher.stats().kinesisRecords(),
                        rate(settings.posts(), System.nanoTime() - started));
            }
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (!mapping.caughtUp(last)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the runtime did not drain the stream within 10 minutes");
                }
                Thread.sleep(20);
            }
            elapsed = System.nanoTime() - started;
        }
        double rate = rate(settings.posts(), elapsed);
        print(
                "end-to-end",
                "firehose -> kinesalite -> local runtime event-source mapping (" + RuntimeMapping.describe()
                        + ") -> handler -> OpenSearch; done when every shard's checkpoint passes the last record",
                rate,
                elapsed);
        check(stack, "e2e", data);
        return rate;
    }

    private void check(BenchStack stack, String phase, BenchData data) {
        long posts = stack.count(stack.posts(phase) + "-*");
        long pages = stack.count(stack.pages(phase));
        System.out.printf("%s: indexed %d posts (expected %d), %d pages%n", phase, posts, data.trackedPosts(), pages);
    }

    private void printSetup(BenchData data) {
        System.out.println("== ingest benchmark ==");
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s; load %s; java %s%n",
                Runtime.getRuntime().availableProcessors(),
                cpu(),
                load(),
                System.getProperty("java.version"));
        double bytes = data.records.stream()
                .mapToLong(r -> r.payload().length)
                .average()
                .orElse(0);
        System.out.printf(
                Locale.ROOT,
                "posts: %d (avg %.0f bytes, seed %d) from %d pages (Zipf), %d tracked pages carrying %d posts;"
                        + " %d shards, %d records per batch, %d KiB aggregates%n",
                settings.posts(),
                bytes,
                settings.seed(),
                settings.pages(),
                data.tracked.size(),
                data.trackedPosts(),
                settings.shards(),
                settings.batch(),
                AGGREGATE_BYTES / 1024);
    }

    private static void print(String phase, String how, double rate, long nanos) {
        System.out.printf(Locale.ROOT, "%-10s %,10.0f posts/s  (%.1f s; %s)%n", phase, rate, nanos / 1e9, how);
    }

    private static double rate(long posts, long nanos) {
        return posts / (nanos / 1e9);
    }

    static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "p50=%d p90=%d p99=%d max=%d (n=%d)",
                sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.9)),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.getLast(),
                sorted.size());
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("unknown cpu");
        } catch (Exception e) {
            return "unknown cpu";
        }
    }
}
