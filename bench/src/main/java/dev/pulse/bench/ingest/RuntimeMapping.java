package dev.pulse.bench.ingest;

import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.kinesis.FileCheckpointStore;
import dev.pulse.local.kinesis.MappingTuning;
import dev.pulse.local.kinesis.StreamPoller;
import dev.pulse.local.lambda.FunctionIdentity;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunction;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The ingest function behind the local runtime's Kinesis event-source mapping, exactly as {@code ./pulse run} wires
 * it (the topology's mapping, batch size, window, parallelization, serializers), but on the benchmark's stream and
 * indices.
 */
final class RuntimeMapping implements AutoCloseable {
    private final LocalFunction function;
    private final StreamPoller poller;
    private final FileCheckpointStore checkpoints;

    RuntimeMapping(KinesisClient kinesis, String stream, Map<String, String> resources, Path checkpointDirectory) {
        Topology topology = PulseTopology.define();
        FunctionSpec spec = topology.requireFunction(PulseTopology.INGEST_FUNCTION);
        StreamMappingSpec m = topology.streamMappings().stream()
                .filter(mapping -> mapping.function().equals(spec.name()))
                .findFirst()
                .orElseThrow();
        StreamMappingSpec mapping = new StreamMappingSpec(
                stream,
                m.function(),
                m.batchSize(),
                m.batchingWindow(),
                m.startingPosition(),
                m.reportBatchItemFailures(),
                m.bisectOnError(),
                m.maxRetryAttempts(),
                m.maxRecordAge(),
                m.parallelizationFactor(),
                m.onFailureQueue());
        LocalSettings settings = LocalSettings.fromEnvironment(System.getenv());
        Map<String, String> environment = new HashMap<>(LocalFunctions.environment(spec, settings));
        environment.putAll(resources);
        checkpoints = FileCheckpointStore.forMapping(checkpointDirectory, stream, spec.name());
        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), false);
        function = new LocalFunction(
                new FunctionIdentity(spec.name(), settings.functionArn(spec.name()), spec.memoryMb(), spec.timeout()),
                spec.handler(),
                environment,
                settings.maxInstancesPerFunction(),
                quiet);
        poller = new StreamPoller(
                kinesis,
                stream,
                mapping,
                function,
                checkpoints,
                null,
                settings,
                MappingTuning.defaults(),
                quiet,
                Clock.systemUTC());
        poller.start();
    }

    /** True once every shard's checkpoint has reached the given last sequence number: all of it was processed. */
    boolean caughtUp(Map<String, String> lastSequenceNumbers) {
        return lastSequenceNumbers.entrySet().stream()
                .allMatch(last -> checkpoints
                        .get(last.getKey())
                        .map(done -> new BigInteger(done).compareTo(new BigInteger(last.getValue())) >= 0)
                        .orElse(false));
    }

    static String describe() {
        StreamMappingSpec m = PulseTopology.define().streamMappings().getFirst();
        return "batch " + m.batchSize() + ", window " + m.batchingWindow().toMillis() + " ms, parallelization "
                + m.parallelizationFactor();
    }

    @Override
    public void close() throws Exception {
        poller.close();
        function.close();
    }
}
