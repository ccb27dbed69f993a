package dev.pulse.cdk.stacks;

import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.KinesisEventSource;
import software.amazon.awscdk.services.lambda.eventsources.KinesisEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One function's Kinesis event-source mappings, on the {@code live} alias, with exactly the topology's settings: the local
 * poller honours the same ones, so a batch behaves alike on a laptop and in AWS.
 */
final class StreamMappings extends Construct {
    StreamMappings(
            Construct scope,
            Topology topology,
            PulseFunction function,
            StreamStack streams,
            Map<String, IQueue> queues) {
        super(scope, "StreamMappings");
        String name = function.spec().name();
        for (StreamMappingSpec mapping : topology.streamMappings()) {
            if (!mapping.function().equals(name)) {
                continue;
            }
            KinesisEventSourceProps.Builder props = KinesisEventSourceProps.builder();
            if (!mapping.maxRecordAge().isZero()) {
                // zero is "no limit": Lambda's -1, which is its default, so the property is left out
                props.maxRecordAge(Duration.seconds(mapping.maxRecordAge().toSeconds()));
            }
            function.alias()
                    .addEventSource(new KinesisEventSource(
                            streams.stream(mapping.stream()),
                            props.batchSize(mapping.batchSize())
                                    .maxBatchingWindow(Duration.millis(
                                            mapping.batchingWindow().toMillis()))
                                    .startingPosition(StartingPosition.valueOf(
                                            mapping.startingPosition().name()))
                                    .reportBatchItemFailures(mapping.reportBatchItemFailures())
                                    .bisectBatchOnError(mapping.bisectOnError())
                                    .retryAttempts(mapping.maxRetryAttempts())
                                    .parallelizationFactor(mapping.parallelizationFactor())
                                    .onFailure(new SqsDlq(Lookup.require(queues, mapping.onFailureQueue(), "queue")))
                                    .build()));
        }
    }
}
