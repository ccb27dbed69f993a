package dev.pulse.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.bootstrap.QueueResources;
import dev.pulse.local.kinesis.SqsFailureDestination;
import dev.pulse.local.lambda.AsyncInvoker;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.local.sqs.EmbeddedSqs;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * On the local platform a scheduled function's on-failure queue is a real queue: created with the topology's other
 * queues on ElasticMQ, and holding Lambda's on-failure record once the run has failed three times.
 */
class ScheduledFailureIT {
    @Test
    void givenScheduledRunThatKeepsFailing_whenFired_thenTheTopologysQueueOnElasticMqHoldsTheFailureRecord() {
        String queue = Unique.name("it-report-failures");
        ScheduleSpec schedule = new ScheduleSpec("hourly-report", "rate(1 hour)", "reporter", "test", queue);
        Topology topology = new Topology(
                List.of(),
                List.of(),
                List.of(QueueSpec.deadLetter(queue, "failed report runs")),
                List.of(),
                List.of(),
                List.of(new FunctionSpec(
                        "reporter",
                        "local",
                        FailingScheduledFunction.class.getName(),
                        256,
                        Duration.ofSeconds(5),
                        Map.of(),
                        List.of())),
                List.of(),
                List.of(schedule),
                List.of());
        JsonLog log = new JsonLog(System.out, false);
        try (EmbeddedSqs elasticMq = EmbeddedSqs.start(LocalPlatform.closedPort(), "us-east-1", "000000000000");
                SqsClient sqs =
                        new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, elasticMq.endpoint())).sqs();
                LocalFunctions functions =
                        new LocalFunctions(topology, LocalSettings.fromEnvironment(System.getenv()), log)) {
            QueueResources queues = new QueueResources(sqs, "");
            topology.queues().forEach(queues::ensure);
            Scheduler scheduler = new Scheduler(
                    topology.schedules(),
                    new AsyncInvoker(
                            functions,
                            name -> new SqsFailureDestination(sqs, name),
                            List.of(Duration.ZERO, Duration.ZERO),
                            log,
                            Clock.systemUTC()),
                    new ScheduledEventFactory("us-east-1", "000000000000"),
                    log,
                    Clock.systemUTC());

            scheduler.fire(schedule, ZonedDateTime.parse("2026-11-27T05:00:00Z"));

            String url = sqs.getQueueUrl(g -> g.queueName(queue)).queueUrl();
            Message message = await().atMost(Duration.ofSeconds(20))
                    .until(() -> receive(sqs, url), Optional::isPresent)
                    .orElseThrow();
            JsonNode record = Json.read(message.body(), JsonNode.class);
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.at("/requestContext/approximateInvokeCount").asInt())
                    .isEqualTo(3);
            assertThat(record.at("/requestPayload/detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("the report source is down");
            scheduler.close();
        }
    }

    /** Receives without consuming (visibility 0), so a retry of the await sees the same message. */
    private static Optional<Message> receive(SqsClient sqs, String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(0).waitTimeSeconds(1)).messages().stream()
                .findFirst();
    }
}
