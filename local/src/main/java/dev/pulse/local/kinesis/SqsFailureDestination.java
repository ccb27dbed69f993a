package dev.pulse.local.kinesis;

import software.amazon.awssdk.services.sqs.SqsClient;

/** An SQS on-failure destination; the queue URL is looked up on first use, so the queue may be created later. */
public final class SqsFailureDestination implements FailureDestination {
    private final SqsClient sqs;
    private final String queueName;
    private volatile String queueUrl;

    public SqsFailureDestination(SqsClient sqs, String queueName) {
        this.sqs = sqs;
        this.queueName = queueName;
    }

    @Override
    public void send(String metadataJson) {
        if (queueUrl == null) {
            queueUrl = sqs.getQueueUrl(g -> g.queueName(queueName)).queueUrl();
        }
        sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(metadataJson));
    }
}
