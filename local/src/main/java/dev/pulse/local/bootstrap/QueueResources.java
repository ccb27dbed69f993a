package dev.pulse.local.bootstrap;

import dev.pulse.core.topology.QueueSpec;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Creates SQS queues on ElasticMQ with the topology's retention and visibility timeout. */
public final class QueueResources {
    private final SqsClient sqs;
    private final String prefix;

    public QueueResources(SqsClient sqs, String prefix) {
        this.sqs = sqs;
        this.prefix = prefix;
    }

    public String ensure(QueueSpec spec) {
        String name = prefix + spec.name();
        boolean existed = exists(name);
        String url = sqs.createQueue(c -> c.queueName(name)
                        .attributes(Map.of(
                                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                                Long.toString(spec.retention().toSeconds()),
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Long.toString(spec.visibilityTimeout().toSeconds()))))
                .queueUrl();
        return (existed ? "exists " : "created") + "  queue  " + name + " " + url;
    }

    private boolean exists(String name) {
        try {
            sqs.getQueueUrl(g -> g.queueName(name));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }
}
