package dev.pulse.reporting.adapter.sqs;

import dev.pulse.reporting.application.ShardQueue;
import dev.pulse.reporting.domain.Shard;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The job's shard queue: shards sent ten to a batch; an entry SQS refuses fails the fan-out (Lambda retries it). */
public final class SqsShardQueue implements ShardQueue {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final QueueUrl queueUrl;

    public SqsShardQueue(SqsClient sqs, String queue) {
        this.sqs = sqs;
        this.queueUrl = new QueueUrl(sqs, queue);
    }

    @Override
    public void send(List<Shard> shards) {
        for (int from = 0; from < shards.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Shard shard : shards.subList(from, Math.min(shards.size(), from + BATCH))) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(shard.index()))
                        .messageBody(ShardMessage.write(shard))
                        .build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl.get()).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("shard queue refused " + response.failed());
            }
        }
    }
}
