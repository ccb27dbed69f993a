package dev.pulse.local.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.local.sqs.EmbeddedSqs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Retries run out: the batch's metadata lands on the SQS on-failure queue in Lambda's shape, and the shard moves on. */
class RetryExhaustionIT {
    private final MappingFixture fixture = new MappingFixture(Unique.name("it-esm"), Unique.name("fn"), 1);
    private final EmbeddedSqs elasticMq = EmbeddedSqs.start(LocalPlatform.closedPort(), "us-east-1", "000000000000");
    private final SqsClient sqs =
            new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, elasticMq.endpoint())).sqs();

    @TempDir
    Path checkpointDir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
        sqs.close();
        elasticMq.close();
    }

    @Test
    void givenFunctionAlwaysFails_whenRetriesRunOut_thenMetadataGoesToTheQueueAndCheckpointMovesPast() {
        String queue = Unique.name("it-failures");
        String queueUrl = sqs.createQueue(c -> c.queueName(queue)).queueUrl();
        List<String> sequences = fixture.put("k", List.of("x0", "x1", "x2", "x3"));
        ScriptedKinesisFunction.script(fixture.function, (records, call) -> {
            throw new IllegalStateException("always down");
        });
        FileCheckpointStore checkpoints = fixture.checkpoints(checkpointDir);
        fixture.poller(
                MappingFixture.mapping(fixture.stream, fixture.function, 10, false, 2, Duration.ZERO),
                checkpoints,
                new SqsFailureDestination(sqs, queue),
                Clock.systemUTC());

        String shard = fixture.firstShard();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        checkpoints.get(shard).filter(sequences.get(3)::equals).isPresent());
        List<Message> messages = sqs.receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2))
                .messages();

        assertThat(ScriptedKinesisFunction.calls(fixture.function)).hasSize(3);
        assertThat(messages).hasSize(1);
        JsonNode metadata = Json.read(messages.getFirst().body(), JsonNode.class);
        assertThat(fieldNames(metadata))
                .containsExactly("requestContext", "responseContext", "version", "timestamp", "KinesisBatchInfo");
        assertThat(fieldNames(metadata.get("requestContext")))
                .containsExactly("requestId", "functionArn", "condition", "approximateInvokeCount");
        assertThat(metadata.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(metadata.at("/requestContext/approximateInvokeCount").asInt())
                .isEqualTo(3);
        assertThat(metadata.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + fixture.function);
        assertThat(metadata.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(metadata.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(metadata.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(metadata.get("version").asText()).isEqualTo("1.0");
        assertThat(metadata.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode info = metadata.get("KinesisBatchInfo");
        assertThat(fieldNames(info))
                .containsExactly(
                        "shardId",
                        "startSequenceNumber",
                        "endSequenceNumber",
                        "approximateArrivalOfFirstRecord",
                        "approximateArrivalOfLastRecord",
                        "batchSize",
                        "streamArn");
        assertThat(info.get("shardId").asText()).isEqualTo(shard);
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo(sequences.getFirst());
        assertThat(info.get("endSequenceNumber").asText()).isEqualTo(sequences.getLast());
        assertThat(info.get("batchSize").asInt()).isEqualTo(4);
        assertThat(info.get("streamArn").asText()).endsWith(":stream/" + fixture.stream);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
