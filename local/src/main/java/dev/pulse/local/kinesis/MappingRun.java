package dev.pulse.local.kinesis;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * One of the topology's Kinesis mappings run on its own, as {@code ./pulse run} runs it (the mapping's settings, the
 * function built by {@link LocalFunctions}, the runtime's timings), but on a stream and resources of the caller's
 * choosing: end-to-end tests and benchmarks drive a function through it. What it gives up on is kept in memory.
 */
public final class MappingRun implements AutoCloseable {
    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private final StreamMappingSpec mapping;
    private final LocalFunctions functions;
    private final Path checkpointDirectory;
    private final FileCheckpointStore checkpoints;
    private final List<String> discarded = new CopyOnWriteArrayList<>();
    private final StreamPoller poller;

    private MappingRun(
            StreamMappingSpec mapping,
            Topology topology,
            KinesisClient kinesis,
            Map<String, String> environment,
            JsonLog log) {
        LocalSettings settings = LocalSettings.fromSystem();
        this.mapping = mapping;
        this.functions = new LocalFunctions(topology, settings, log, environment);
        try {
            checkpointDirectory = Files.createTempDirectory("pulse-mapping-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkpoints = FileCheckpointStore.forMapping(checkpointDirectory, mapping.stream(), mapping.function());
        poller = new StreamPoller(
                kinesis,
                mapping.stream(),
                mapping,
                functions.require(mapping.function()),
                checkpoints,
                discarded::add,
                settings,
                MappingTuning.from(settings),
                log,
                Clock.systemUTC());
    }

    /**
     * Starts the topology's mapping into {@code function} on {@code stream} instead of the declared one, with
     * {@code environment} laid over the function's own (the grants then name the caller's resources).
     */
    public static MappingRun start(
            String function, KinesisClient kinesis, String stream, Map<String, String> environment, JsonLog log) {
        Topology topology = PulseTopology.define();
        StreamMappingSpec declared = topology.streamMappings().stream()
                .filter(m -> m.function().equals(function))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the topology maps no stream to " + function));
        StreamMappingSpec mapping = new StreamMappingSpec(
                stream,
                declared.function(),
                declared.batchSize(),
                declared.batchingWindow(),
                declared.startingPosition(),
                declared.reportBatchItemFailures(),
                declared.bisectOnError(),
                declared.maxRetryAttempts(),
                declared.maxRecordAge(),
                declared.parallelizationFactor(),
                declared.onFailureQueue());
        MappingRun run = new MappingRun(mapping, topology, kinesis, environment, log);
        run.poller.start();
        return run;
    }

    public MappingStats stats() {
        return poller.stats();
    }

    /** The on-failure metadata of every batch the mapping gave up on, as it would have reached the queue. */
    public List<String> discarded() {
        return List.copyOf(discarded);
    }

    /** True once every shard's checkpoint has reached its given last sequence number: all of it was processed. */
    public boolean caughtUp(Map<String, String> lastSequenceNumbers) {
        return lastSequenceNumbers.entrySet().stream()
                .allMatch(last -> checkpoints
                        .get(last.getKey())
                        .map(done -> new BigInteger(done).compareTo(new BigInteger(last.getValue())) >= 0)
                        .orElse(false));
    }

    /** Waits until {@link #caughtUp}; a mapping that has not caught up within {@code timeout} is an error. */
    public void awaitCaughtUp(Map<String, String> lastSequenceNumbers, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(lastSequenceNumbers)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the mapping did not process " + mapping.stream() + " within " + timeout
                        + " (" + stats().processedRecords() + " records processed)");
            }
            Thread.sleep(CHECK_EVERY);
        }
    }

    /** The mapping's settings, for reports. */
    public String describe() {
        return "batch " + mapping.batchSize() + ", window "
                + mapping.batchingWindow().toMillis() + " ms, parallelization " + mapping.parallelizationFactor();
    }

    @Override
    public void close() throws IOException {
        poller.close();
        functions.close();
        try (Stream<Path> files = Files.walk(checkpointDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
