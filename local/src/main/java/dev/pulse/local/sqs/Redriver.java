package dev.pulse.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.QueueMappingSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.kinesis.KinesisEventFactory;
import dev.pulse.local.kinesis.StreamRecord;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.LocalFunctions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Sends one dead-lettered message back to where it came from. Two kinds exist, told apart by their shape:
 *
 * <ul>
 *   <li><b>On-failure metadata</b> ({@code KinesisBatchInfo}, e.g. {@code ingest-failures}): it holds no records, only
 *       their position, so the records are re-read from the stream by sequence number (start to end, inclusive) and
 *       the mapping's function is invoked with them directly. Success means no error and no batch item failures.
 *       Records already trimmed from the stream (past its retention) cannot be redriven.
 *   <li><b>Quarantined records</b> ({@code payloadBase64} and {@code partitionKey}, e.g. {@code ingest-quarantine}):
 *       there is no source queue, and the record was consumed, so the raw payload is put back on the stream of the
 *       function that quarantined it, as a new record with its partition key, to be read again by the (fixed) code.
 *       Truncated payloads cannot be redriven.
 * </ul>
 */
public final class Redriver {
    /** The result for one message: whether it may be deleted, and why. */
    public record Outcome(boolean done, String detail) {}

    private final Topology topology;
    private final KinesisClient kinesis;
    private final LocalFunctions functions;
    private final LocalSettings settings;

    public Redriver(Topology topology, KinesisClient kinesis, LocalFunctions functions, LocalSettings settings) {
        this.topology = topology;
        this.kinesis = kinesis;
        this.functions = functions;
        this.settings = settings;
    }

    public Outcome redrive(String queue, JsonNode body) {
        if (body.has("KinesisBatchInfo")) {
            return reinvoke(queue, body.get("KinesisBatchInfo"));
        }
        if (body.hasNonNull("payloadBase64") && body.hasNonNull("partitionKey")) {
            return republish(queue, body);
        }
        Optional<QueueSpec> work = topology.queues().stream()
                .filter(q ->
                        q.redrive().map(r -> r.deadLetterQueue().equals(queue)).orElse(false))
                .findFirst();
        if (work.isPresent() && body.has("periodKey") && body.has("accountIds")) {
            return rerun(work.get().name(), body);
        }
        return new Outcome(false, "unknown message shape; left on the queue");
    }

    /** A message its work queue gave up on (a snapshot shard): run again through the queue's function, as SQS would. */
    private Outcome rerun(String workQueue, JsonNode body) {
        QueueMappingSpec mapping = topology.queueMappings().stream()
                .filter(m -> m.queue().equals(workQueue))
                .findFirst()
                .orElseThrow();
        Message message = Message.builder()
                .messageId(UUID.randomUUID().toString())
                .receiptHandle("redrive")
                .body(Json.write(body))
                .build();
        String event = new SqsEventFactory(settings.region(), settings.accountId()).event(workQueue, List.of(message));
        InvocationResult result = functions.require(mapping.function()).invoke(event);
        if (result.failed()
                || Json.read(result.response(), JsonNode.class)
                                .path("batchItemFailures")
                                .size()
                        > 0) {
            return new Outcome(false, "function still fails: " + result.response());
        }
        return new Outcome(true, "run again by " + mapping.function() + " as a message of " + workQueue);
    }

    private Outcome reinvoke(String queue, JsonNode info) {
        Optional<StreamMappingSpec> mapping = DeadLetterQueues.mappingFailingTo(topology, queue);
        if (mapping.isEmpty()) {
            return new Outcome(false, "no stream mapping sends its failures to " + queue);
        }
        String streamArn = info.path("streamArn").asText();
        String stream = streamArn.substring(streamArn.lastIndexOf('/') + 1);
        List<StreamRecord> records = read(
                stream,
                info.path("shardId").asText(),
                info.path("startSequenceNumber").asText(),
                info.path("endSequenceNumber").asText());
        if (records.isEmpty()) {
            return new Outcome(false, "the records are no longer in " + stream + " (past retention?)");
        }
        KinesisEventFactory events =
                KinesisEventFactory.forMapping(settings, stream, mapping.get().function());
        int size = mapping.get().batchSize();
        for (int from = 0; from < records.size(); from += size) {
            List<StreamRecord> batch = records.subList(from, Math.min(records.size(), from + size));
            InvocationResult result =
                    functions.require(mapping.get().function()).invoke(Json.write(events.event(batch)));
            if (result.failed()
                    || Json.read(result.response(), JsonNode.class)
                                    .path("batchItemFailures")
                                    .size()
                            > 0) {
                return new Outcome(false, "function still fails: " + result.response());
            }
        }
        return new Outcome(true, records.size() + " record(s) re-read from " + stream + " and processed");
    }

    private Outcome republish(String queue, JsonNode body) {
        if (body.path("payloadTruncated").asBoolean(false)) {
            return new Outcome(false, "payload was truncated when quarantined; cannot be replayed");
        }
        Optional<StreamMappingSpec> mapping = DeadLetterQueues.mappingWritingTo(topology, queue);
        if (mapping.isEmpty()) {
            return new Outcome(false, "no stream-reading function writes to " + queue);
        }
        byte[] data = Base64.getDecoder().decode(body.get("payloadBase64").asText());
        var put = kinesis.putRecord(p -> p.streamName(mapping.get().stream())
                .partitionKey(body.get("partitionKey").asText())
                .data(SdkBytes.fromByteArray(data)));
        return new Outcome(true, "put back on " + mapping.get().stream() + " as " + put.sequenceNumber());
    }

    private List<StreamRecord> read(String stream, String shardId, String start, String end) {
        BigInteger last = new BigInteger(end);
        String iterator = kinesis.getShardIterator(g -> g.streamName(stream)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .startingSequenceNumber(start))
                .shardIterator();
        List<StreamRecord> records = new ArrayList<>();
        while (iterator != null) {
            String current = iterator;
            var response = kinesis.getRecords(g -> g.shardIterator(current).limit(10_000));
            for (var record : response.records()) {
                StreamRecord read = StreamRecord.of(shardId, record);
                if (read.sequence().compareTo(last) > 0) {
                    return records;
                }
                records.add(read);
            }
            if (response.records().isEmpty()
                    && (response.millisBehindLatest() == null || response.millisBehindLatest() == 0)) {
                return records;
            }
            iterator = response.nextShardIterator();
        }
        return records;
    }
}
