package dev.pulse.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./pulse dlq}: lists the topology's queues, shows their messages without consuming them, and redrives them.
 * What "redrive" means depends on what a message is, see {@link Redriver}.
 */
public final class DeadLetterQueues {
    private final Topology topology;
    private final SqsClient sqs;
    private final Redriver redriver;

    public DeadLetterQueues(Topology topology, SqsClient sqs, Redriver redriver) {
        this.topology = topology;
        this.sqs = sqs;
        this.redriver = redriver;
    }

    /** One line per queue: name, visible and in-flight message counts, purpose. */
    public List<String> list() {
        List<String> lines = new ArrayList<>();
        for (QueueSpec queue : topology.queues()) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(g -> g.queueUrl(url(queue.name()))
                            .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            lines.add(String.format(
                    "%-24s %6s messages %4s in flight  %s",
                    queue.name(),
                    attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"),
                    attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"),
                    queue.purpose()));
        }
        return lines;
    }

    /** Up to {@code max} messages, left on the queue (received with a zero visibility timeout). */
    public List<Message> show(String queue, int max) {
        String url = url(requireQueue(queue));
        Map<String, Message> seen = new LinkedHashMap<>();
        for (int round = 0; round < 20 && seen.size() < max; round++) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(0)
                            .messageSystemAttributeNamesWithStrings("All"))
                    .messages();
            int before = seen.size();
            batch.forEach(m -> seen.putIfAbsent(m.messageId(), m));
            if (batch.isEmpty() || seen.size() == before) {
                break;
            }
        }
        return seen.values().stream().limit(max).toList();
    }

    /** Redrives every message; a message is deleted only once its redrive succeeded. Returns one line per message. */
    public List<String> redrive(String queue) {
        String url = url(requireQueue(queue));
        List<String> report = new ArrayList<>();
        List<Message> kept = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(
                            r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(300))
                    .messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                Redriver.Outcome outcome = redriveOne(queue, message);
                report.add(
                        message.messageId() + " " + (outcome.done() ? "redriven" : "kept") + ": " + outcome.detail());
                if (outcome.done()) {
                    sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
                } else {
                    kept.add(message);
                }
            }
        }
        // Messages that could not be redriven become visible again right away, for `dlq show`.
        kept.forEach(m -> sqs.changeMessageVisibility(
                c -> c.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
        return report;
    }

    /** A message that is not JSON, or whose redrive throws, is kept (and reported) instead of ending the run. */
    private Redriver.Outcome redriveOne(String queue, Message message) {
        JsonNode body;
        try {
            body = Json.read(message.body(), JsonNode.class);
        } catch (RuntimeException e) {
            return new Redriver.Outcome(false, "not a JSON message; left on the queue");
        }
        try {
            return redriver.redrive(queue, body);
        } catch (RuntimeException e) {
            return new Redriver.Outcome(false, "redrive failed, left on the queue: " + e.getMessage());
        }
    }

    /** The mapping whose on-failure destination is {@code queue}. */
    public static Optional<StreamMappingSpec> mappingFailingTo(Topology topology, String queue) {
        return topology.streamMappings().stream()
                .filter(m -> queue.equals(m.onFailureQueue()))
                .findFirst();
    }

    /** The mapping of a function that writes to {@code queue} (such as ingest and its quarantine queue). */
    public static Optional<StreamMappingSpec> mappingWritingTo(Topology topology, String queue) {
        return topology.functions().stream()
                .filter(f -> f.access().stream()
                        .anyMatch(a -> a.kind() == Access.Kind.QUEUE
                                && a.resource().equals(queue)
                                && a.mode() != Access.Mode.READ))
                .flatMap(f -> topology.streamMappings().stream()
                        .filter(m -> m.function().equals(f.name())))
                .findFirst();
    }

    private String requireQueue(String queue) {
        return topology.queues().stream()
                .map(QueueSpec::name)
                .filter(queue::equals)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue named " + queue + " in the topology; known: "
                        + topology.queues().stream().map(QueueSpec::name).toList()));
    }

    private String url(String queue) {
        return sqs.getQueueUrl(g -> g.queueName(queue)).queueUrl();
    }
}
