package dev.pulse.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.StreamCapacity;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.StreamSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.kinesis.FailureMetadata;
import dev.pulse.local.kinesis.ScriptedKinesisFunction;
import dev.pulse.local.kinesis.StreamRecord;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code ./pulse dlq} against ElasticMQ and kinesalite: show, and redrive of both kinds of dead-lettered message. */
class RedriveIT {
    private final String stream = Unique.name("it-redrive");
    private final String function = Unique.name("fn");
    private final String failures = Unique.name("it-failures");
    private final String quarantine = Unique.name("it-quarantine");
    private final Topology topology = new Topology(
            List.of(StreamSpec.uniform(stream, 1, StreamCapacity.ON_DEMAND, Duration.ofHours(24))),
            List.of(),
            List.of(QueueSpec.deadLetter(failures, "on-failure"), QueueSpec.deadLetter(quarantine, "poison")),
            List.of(),
            List.of(),
            List.of(new FunctionSpec(
                    function,
                    "local",
                    ScriptedKinesisFunction.class.getName(),
                    256,
                    Duration.ofSeconds(10),
                    Map.of(),
                    List.of(Access.writes(Access.Kind.QUEUE, quarantine)))),
            List.of(),
            List.of(),
            List.of(new StreamMappingSpec(
                    stream,
                    function,
                    100,
                    Duration.ZERO,
                    StreamMappingSpec.StartingPosition.TRIM_HORIZON,
                    true,
                    true,
                    2,
                    Duration.ofHours(1),
                    1,
                    failures)));
    private final EmbeddedSqs elasticMq = EmbeddedSqs.start(LocalPlatform.closedPort(), "us-east-1", "000000000000");
    private final AwsClients aws =
            new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, elasticMq.endpoint()));
    private final SqsClient sqs = aws.sqs();
    private final KinesisClient kinesis = aws.kinesis();
    private final LocalSettings settings = LocalSettings.fromEnvironment(System.getenv());
    private final LocalFunctions functions = new LocalFunctions(topology, settings, new JsonLog(System.out, false));
    private final DeadLetterQueues queues =
            new DeadLetterQueues(topology, sqs, new Redriver(topology, kinesis, functions, settings));

    RedriveIT() {
        kinesis.createStream(c -> c.streamName(stream).shardCount(1));
        KinesisWaiter.builder()
                .client(kinesis)
                .overrideConfiguration(w -> w.maxAttempts(150)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(200))))
                .build()
                .waitUntilStreamExists(d -> d.streamName(stream));
        sqs.createQueue(c -> c.queueName(failures));
        sqs.createQueue(c -> c.queueName(quarantine));
    }

    @AfterEach
    void close() {
        functions.close();
        kinesis.deleteStream(d -> d.streamName(stream));
        kinesis.close();
        sqs.close();
        elasticMq.close();
    }

    private List<StreamRecord> putAndRead(List<String> payloads) {
        for (String payload : payloads) {
            kinesis.putRecord(p -> p.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String(payload)));
        }
        String shardId = kinesis.listShards(l -> l.streamName(stream))
                .shards()
                .getFirst()
                .shardId();
        String iterator = kinesis.getShardIterator(
                        g -> g.streamName(stream).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        return kinesis.getRecords(g -> g.shardIterator(iterator)).records().stream()
                .map(r -> StreamRecord.of(shardId, r))
                .toList();
    }

    private void send(String queue, String body) {
        String url = sqs.getQueueUrl(g -> g.queueName(queue)).queueUrl();
        sqs.sendMessage(s -> s.queueUrl(url).messageBody(body));
    }

    private String failureMetadata(List<StreamRecord> records) {
        ObjectNode metadata = FailureMetadata.of(
                FailureMetadata.Condition.RetryAttemptsExhausted,
                settings.functionArn(function),
                3,
                Optional.empty(),
                settings.streamArn(stream),
                records,
                Instant.now());
        return Json.write(metadata);
    }

    @Test
    void givenOnFailureMetadata_whenRedriven_thenRecordsAreReReadAndReprocessedAndMessageDeleted() {
        List<StreamRecord> all = putAndRead(List.of("before", "f0", "f1", "f2", "after"));
        send(failures, failureMetadata(all.subList(1, 4)));
        ScriptedKinesisFunction.script(function, (records, call) -> ScriptedKinesisFunction.ok());

        assertThat(queues.show(failures, 10)).hasSize(1);
        List<String> report = queues.redrive(failures);

        assertThat(report).singleElement().asString().contains("redriven");
        assertThat(ScriptedKinesisFunction.calls(function)).containsExactly(List.of("f0", "f1", "f2"));
        assertThat(queues.show(failures, 10)).isEmpty();
    }

    @Test
    void givenFunctionStillFailing_whenRedriven_thenMessageIsKeptVisible() {
        List<StreamRecord> all = putAndRead(List.of("f0"));
        send(failures, failureMetadata(all));
        ScriptedKinesisFunction.script(function, (records, call) -> {
            throw new IllegalStateException("still broken");
        });

        List<String> report = queues.redrive(failures);

        assertThat(report).singleElement().asString().contains("kept");
        assertThat(queues.show(failures, 10)).hasSize(1);
    }

    @Test
    void givenMessageThatIsNotJson_whenRedriven_thenItIsKeptAndTheOthersAreStillRedriven() {
        List<StreamRecord> all = putAndRead(List.of("f0"));
        send(failures, "not json at all");
        send(failures, failureMetadata(all));
        ScriptedKinesisFunction.script(function, (records, call) -> ScriptedKinesisFunction.ok());

        List<String> report = queues.redrive(failures);

        assertThat(report).hasSize(2);
        assertThat(report).anySatisfy(line -> assertThat(line).contains("kept: not a JSON message"));
        assertThat(report).anySatisfy(line -> assertThat(line).contains("redriven"));
        assertThat(queues.show(failures, 10))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("not json at all"));
    }

    @Test
    void givenQuarantinedRecord_whenRedriven_thenPayloadIsPutBackOnTheSourceStream() {
        String payload = Base64.getEncoder().encodeToString("{\"id\":\"1_2\"}".getBytes());
        send(quarantine, """
                {"reason":"MALFORMED_JSON","detail":"x","shardId":"shardId-000000000000","sequenceNumber":"1",
                 "subSequence":0,"partitionKey":"page-7","payloadBase64":"%s","payloadBytes":11,
                 "payloadTruncated":false,"quarantinedAt":"2026-11-26T00:00:00Z"}""".formatted(payload));

        List<String> report = queues.redrive(quarantine);

        assertThat(report).singleElement().asString().contains("put back on " + stream);
        List<StreamRecord> records = putAndRead(List.of());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.partitionKey()).isEqualTo("page-7");
            assertThat(new String(r.data())).isEqualTo("{\"id\":\"1_2\"}");
        });
        assertThat(queues.list())
                .anySatisfy(line -> assertThat(line).startsWith(quarantine).contains(" 0 messages"));
    }
}
