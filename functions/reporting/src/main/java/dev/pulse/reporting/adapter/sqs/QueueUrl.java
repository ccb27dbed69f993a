package dev.pulse.reporting.adapter.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;

/** A queue's URL from its grant: CDK grants the URL, the local runtime the queue's name (looked up once). */
final class QueueUrl {
    private final SqsClient sqs;
    private final String queue;
    private volatile String url;

    QueueUrl(SqsClient sqs, String queue) {
        this.sqs = sqs;
        this.queue = queue;
    }

    String get() {
        String known = url;
        if (known == null) {
            known = queue.startsWith("http://") || queue.startsWith("https://")
                    ? queue
                    : sqs.getQueueUrl(g -> g.queueName(queue)).queueUrl();
            url = known;
        }
        return known;
    }
}
