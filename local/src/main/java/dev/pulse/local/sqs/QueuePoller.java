package dev.pulse.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.QueueMappingSpec;
import dev.pulse.local.kinesis.MappingTuning;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event-source mapping, locally: {@code maximumConcurrency} pollers long-poll the queue for batches of
 * {@code batchSize}, invoke the function, and delete the messages it handled. With {@code reportBatchItemFailures}
 * only the ids in {@code batchItemFailures} stay; a function error keeps the whole batch. A kept message becomes
 * visible again after the runtime's retry back-off (Lambda waits out the queue's visibility timeout; locally that
 * would be 90 minutes), and ElasticMQ's redrive policy moves it to the dead-letter queue after its receive count.
 */
public final class QueuePoller implements AutoCloseable {
    private static final int WAIT_SECONDS = 2;

    private final SqsClient sqs;
    private final String queueName;
    private final QueueMappingSpec mapping;
    private final LocalFunction function;
    private final SqsEventFactory events;
    private final MappingTuning tuning;
    private final JsonLog log;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running;

    public QueuePoller(
            SqsClient sqs,
            String queueName,
            QueueMappingSpec mapping,
            LocalFunction function,
            SqsEventFactory events,
            MappingTuning tuning,
            JsonLog log) {
        this.sqs = sqs;
        this.queueName = queueName;
        this.mapping = mapping;
        this.function = function;
        this.events = events;
        this.tuning = tuning;
        this.log = log;
    }

    public void start() {
        running = true;
        String url = sqs.getQueueUrl(g -> g.queueName(queueName)).queueUrl();
        for (int i = 0; i < mapping.maximumConcurrency(); i++) {
            pollers.add(Thread.ofVirtual().name("sqs-" + queueName + "-" + i).start(() -> poll(url)));
        }
    }

    private void poll(String url) {
        while (running) {
            try {
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url)
                                .maxNumberOfMessages(mapping.batchSize())
                                .waitTimeSeconds(WAIT_SECONDS)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
                if (!batch.isEmpty()) {
                    handle(url, batch);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.runtime("WARN", "polling queue " + queueName + " failed: " + e.getMessage());
                sleep(tuning.backoff(1));
            }
        }
    }

    private void handle(String url, List<Message> batch) {
        InvocationResult result = function.invoke(events.event(queueName, batch));
        Set<String> kept = new HashSet<>();
        if (result.failed()) {
            log.runtime(
                    "ERROR", "queue " + queueName + " -> " + mapping.queue() + " batch failed: " + result.response());
            batch.forEach(m -> kept.add(m.messageId()));
        } else if (mapping.reportBatchItemFailures()) {
            JsonNode response = Json.read(result.response(), JsonNode.class);
            response.path("batchItemFailures")
                    .forEach(f -> kept.add(f.path("itemIdentifier").asText()));
        }
        for (Message message : batch) {
            if (kept.contains(message.messageId())) {
                int receives =
                        Integer.parseInt(message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
                long seconds = Math.max(0, (tuning.backoff(receives).toMillis() + 999) / 1000);
                sqs.changeMessageVisibility(c ->
                        c.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout((int) seconds));
            } else {
                sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread poller : pollers) {
            try {
                poller.join(Duration.ofSeconds(WAIT_SECONDS + 3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
