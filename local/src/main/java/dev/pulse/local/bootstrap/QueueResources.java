package dev.pulse.local.bootstrap;

import dev.pulse.core.topology.QueueSpec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Creates SQS queues on ElasticMQ with the topology's retention, visibility timeout and redrive policy. */
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
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                Long.toString(spec.retention().toSeconds()));
        attributes.put(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                Long.toString(spec.visibilityTimeout().toSeconds()));
        // The topology declares a dead-letter queue before the work queue that redrives to it, so it exists now.
        spec.redrive()
                .ifPresent(r -> attributes.put(
                        QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + arn(prefix + r.deadLetterQueue()) + "\",\"maxReceiveCount\":\""
                                + r.maxReceiveCount() + "\"}"));
        String url =
                sqs.createQueue(c -> c.queueName(name).attributes(attributes)).queueUrl();
        if (existed) {
            sqs.setQueueAttributes(a -> a.queueUrl(url).attributes(attributes));
        }
        return (existed ? "exists " : "created") + "  queue  " + name + " " + url;
    }

    private String arn(String name) {
        String url = sqs.getQueueUrl(g -> g.queueName(name)).queueUrl();
        return sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
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
