package dev.pulse.ingest.adapter.sqs;

import dev.pulse.core.json.Json;
import dev.pulse.ingest.application.Quarantine;
import dev.pulse.ingest.application.QuarantineEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The quarantine as an SQS queue: one JSON message per poison record, sent ten at a time within SQS's size limit. */
public final class SqsQuarantine implements Quarantine {
    private static final Logger LOG = LoggerFactory.getLogger(SqsQuarantine.class);
    private static final int MAX_BATCH_BYTES = 250 * 1024;

    private final SqsClient sqs;
    private final String queue;
    private volatile String queueUrl;

    /** {@code queue} is a queue URL, or a name resolved to its URL on first use. */
    public SqsQuarantine(SqsClient sqs, String queue) {
        this.sqs = sqs;
        this.queue = queue;
    }

    @Override
    public List<QuarantineEntry> send(List<QuarantineEntry> entries) {
        List<QuarantineEntry> undelivered = new ArrayList<>();
        List<QuarantineEntry> batch = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        int bytes = 0;
        for (QuarantineEntry entry : entries) {
            String body = Json.write(entry);
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            if (!batch.isEmpty() && (batch.size() == 10 || bytes + size > MAX_BATCH_BYTES)) {
                undelivered.addAll(sendBatch(batch, bodies));
                batch = new ArrayList<>();
                bodies = new ArrayList<>();
                bytes = 0;
            }
            batch.add(entry);
            bodies.add(body);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            undelivered.addAll(sendBatch(batch, bodies));
        }
        return undelivered;
    }

    private List<QuarantineEntry> sendBatch(List<QuarantineEntry> batch, List<String> bodies) {
        List<SendMessageBatchRequestEntry> requests = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            requests.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(bodies.get(i))
                    .messageAttributes(Map.of(
                            "reason",
                            MessageAttributeValue.builder()
                                    .dataType("String")
                                    .stringValue(batch.get(i).reason().name())
                                    .build()))
                    .build());
        }
        try {
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(b -> b.queueUrl(queueUrl()).entries(requests));
            Set<String> failed = new HashSet<>();
            response.failed().forEach(f -> failed.add(f.id()));
            if (!failed.isEmpty()) {
                LOG.warn("quarantine refused {} of {} entries: {}", failed.size(), batch.size(), response.failed());
            }
            List<QuarantineEntry> undelivered = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (failed.contains(Integer.toString(i))) {
                    undelivered.add(batch.get(i));
                }
            }
            return undelivered;
        } catch (SdkException e) {
            LOG.warn("quarantine send failed for {} entries: {}", batch.size(), e.getMessage());
            return batch;
        }
    }

    private String queueUrl() {
        String url = queueUrl;
        if (url == null) {
            url = queue.startsWith("http://") || queue.startsWith("https://")
                    ? queue
                    : sqs.getQueueUrl(g -> g.queueName(queue)).queueUrl();
            queueUrl = url;
        }
        return url;
    }
}
