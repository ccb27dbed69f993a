package dev.pulse.cdk.stacks;

import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.QueueMappingSpec;
import dev.pulse.core.topology.Topology;
import java.util.Map;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One function's SQS event-source mappings, on the {@code live} alias, with the topology's batch size, maximum concurrency
 * and partial batch failures; a message that keeps failing is moved by its queue's redrive policy (StorageStack).
 */
final class QueueMappings extends Construct {
    QueueMappings(Construct scope, Topology topology, PulseFunction function, Map<String, IQueue> queues) {
        super(scope, "QueueMappings");
        for (QueueMappingSpec mapping : topology.queueMappings()) {
            if (!mapping.function().equals(function.spec().name())) {
                continue;
            }
            function.alias()
                    .addEventSource(new SqsEventSource(
                            Lookup.require(queues, mapping.queue(), "queue"),
                            SqsEventSourceProps.builder()
                                    .batchSize(mapping.batchSize())
                                    .maxConcurrency(mapping.maximumConcurrency())
                                    .reportBatchItemFailures(mapping.reportBatchItemFailures())
                                    .build()));
        }
    }
}
