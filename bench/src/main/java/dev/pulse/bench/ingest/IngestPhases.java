package dev.pulse.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.kinesis.KinesisEventFactory;
import dev.pulse.local.kinesis.MappingRun;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunction;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.tools.firehose.KinesisPublisher;
import dev.pulse.tools.firehose.SimRecord;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The four measurements of the ingest benchmark, on the same seeded posts, each into its own fresh indices. */
public final class IngestPhases {
    private static final int AGGREGATE_BYTES = 64 * 1024;
    private static final String EMPTY_EVENT = "{\"Records\":[]}";
    /** The function's and the runtime's own log lines would drown the figures. */
    private static final JsonLog QUIET = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), false);

    /** What to run. */
    public record Settings(int posts, int naivePosts, int pages, int trackedTop, int shards, int batch, long seed) {}

    /** Posts per second of each phase, and the end-to-end phase's page writes done and skipped. */
    public record Figures(
            double endToEnd, double handler, double naive, double ceiling, long pagesWritten, long pagesSkipped) {}

    /** The ingest function's EMF metrics that count page writes done and skipped. */
    public static final String PAGES_WRITTEN = "PagesUpserted";

    public static final String PAGES_SKIPPED = "PagesSkipped";

    private final Settings settings;
    private final JsonLineFilter output;
    private long pagesWritten;
    private long pagesSkipped;
    /** How many events the handler phase used, so the ceiling de-duplicates pages over the same batch sizes. */
    private int handlerBatches;

    public IngestPhases(Settings settings, JsonLineFilter output) {
        this.settings = settings;
        this.output = output;
    }

    public Figures run() throws Exception {
        BenchData data = new BenchData(settings.posts(), settings.pages(), settings.trackedTop(), settings.seed());
        printSetup(data);
        try (BenchStack stack = new BenchStack(settings.shards(), data.tracked)) {
            double handler = handlerOnly(stack, data);
            double endToEnd = endToEnd(stack, data);
            RawIndexer raw = new RawIndexer(stack.openSearch);
            double postsPerBatch = (double) settings.posts() / Math.max(1, handlerBatches);
            begin(stack, "ceiling");
            long ceilingNanos = raw.ceiling(
                    data.records, data.tracked, stack.pages("ceiling"), stack.posts("ceiling"), (int) postsPerBatch);
            double ceiling = rate(settings.posts(), ceilingNanos);
            print(
                    "ceiling",
                    "raw _bulk of the handler's documents (" + raw.ceilingPages()
                            + " page documents, one per page per batch), 2 requests in flight",
                    ceiling,
                    ceilingNanos);
            check(stack, "ceiling", data);
            begin(stack, "naive");
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
            System.out.printf(
                    Locale.ROOT,
                    "end to end / ceiling: %.2f; end-to-end page writes %d of %d (%d skipped)%n",
                    endToEnd / ceiling,
                    pagesWritten,
                    pagesWritten + pagesSkipped,
                    pagesSkipped);
            return new Figures(endToEnd, handler, naive, ceiling, pagesWritten, pagesSkipped);
        }
    }

    private double handlerOnly(BenchStack stack, BenchData data) throws Exception {
        Map<String, String> resources = begin(stack, "handler");
        LocalSettings local = LocalSettings.fromSystem();
        List<List<String>> events = data.events(
                KinesisEventFactory.forMapping(local, stack.stream, PulseTopology.INGEST_FUNCTION),
                settings.shards(),
                AGGREGATE_BYTES,
                settings.batch());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long elapsed;
        try (LocalFunctions functions = new LocalFunctions(PulseTopology.define(), local, QUIET, resources)) {
            LocalFunction ingest = functions.require(PulseTopology.INGEST_FUNCTION);
            warm(ingest, events.size());
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(events.size())) {
                List<Future<?>> shards = new ArrayList<>();
                for (List<String> shard : events) {
                    shards.add(pool.submit(() -> {
                        for (String event : shard) {
                            long t = System.nanoTime();
                            InvocationResult result = ingest.invoke(event);
                            latencies.add((System.nanoTime() - t) / 1_000_000);
                            if (result.failed()
                                    || !Json.read(result.response(), JsonNode.class)
                                            .path("batchItemFailures")
                                            .isEmpty()) {
                                throw new IllegalStateException("handler reported failures: " + result.response());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> shard : shards) {
                    shard.get();
                }
            }
            elapsed = System.nanoTime() - started;
        }
        handlerBatches = latencies.size();
        double rate = rate(settings.posts(), elapsed);
        print(
                "handler",
                latencies.size() + " KinesisEvents of " + settings.batch()
                        + " aggregated records, through the local runtime's function, one warm instance per shard",
                rate,
                elapsed);
        System.out.printf("handler batch latency ms: %s%n", percentiles(latencies));
        check(stack, "handler", data);
        pageWrites("handler");
        return rate;
    }

    /**
     * Starts one execution environment per shard before the clock does, as the handler phase always measured warm
     * handlers: concurrent empty invocations each need an instance of their own.
     */
    private static void warm(LocalFunction function, int instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<Future<InvocationResult>> warming = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                warming.add(pool.submit(() -> {
                    start.await();
                    return function.invoke(EMPTY_EVENT);
                }));
            }
            start.countDown();
            for (Future<InvocationResult> result : warming) {
                if (result.get().failed()) {
                    throw new IllegalStateException(
                            "the function failed to start: " + result.get().response());
                }
            }
        }
    }

    private double endToEnd(BenchStack stack, BenchData data) throws Exception {
        Map<String, String> resources = begin(stack, "e2e");
        long started = System.nanoTime();
        long elapsed;
        String mappingSettings;
        try (MappingRun mapping =
                MappingRun.start(PulseTopology.INGEST_FUNCTION, stack.kinesis, stack.stream, resources, QUIET)) {
            mappingSettings = mapping.describe();
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
            mapping.awaitCaughtUp(last, Duration.ofMinutes(10));
            elapsed = System.nanoTime() - started;
        }
        double rate = rate(settings.posts(), elapsed);
        print(
                "end-to-end",
                "firehose -> kinesalite -> local runtime event-source mapping (" + mappingSettings
                        + ") -> handler -> OpenSearch; done when every shard's checkpoint passes the last record",
                rate,
                elapsed);
        check(stack, "e2e", data);
        long[] writes = pageWrites("e2e");
        pagesWritten = writes[0];
        pagesSkipped = writes[1];
        return rate;
    }

    /** Creates the phase's indices and prints when it starts and the load then, to match a profile's samples. */
    private static Map<String, String> begin(BenchStack stack, String phase) {
        Map<String, String> resources = stack.phase(phase);
        System.out.printf(Locale.ROOT, "-- %s starts at %s; load %s%n", phase, java.time.Instant.now(), load());
        return resources;
    }

    /** The page writes the function counted since the last call: written, skipped. */
    private long[] pageWrites(String phase) {
        long written = output.takeTotal(PAGES_WRITTEN);
        long skipped = output.takeTotal(PAGES_SKIPPED);
        System.out.printf(
                Locale.ROOT,
                "%s: page writes %d, skipped %d (the function's PagesUpserted and PagesSkipped)%n",
                phase,
                written,
                skipped);
        return new long[] {written, skipped};
    }

    private void check(BenchStack stack, String phase, BenchData data) {
        long posts = stack.postCount(phase);
        long pages = stack.pageCount(phase);
        System.out.printf(
                Locale.ROOT,
                "%s: indexed %d posts (expected %d), %d pages; load %s%n",
                phase,
                posts,
                data.trackedPosts(),
                pages,
                load());
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
