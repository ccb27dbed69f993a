package dev.pulse.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.QueueMappingSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.bootstrap.QueueResources;
import dev.pulse.local.kinesis.MappingTuning;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local SQS event-source mapping on ElasticMQ: handled messages are deleted, a message the function reports in
 * {@code batchItemFailures} is delivered again, and after the queue's receive count ElasticMQ's redrive policy, which
 * bootstrap set from the topology, moves it to the dead-letter queue.
 */
class QueuePollerIT {
    @Test
    void givenAWorkQueue_whenPolled_thenHandledMessagesGo_andAFailingOneEndsInTheDeadLetterQueue() {
        String failures = Unique.name("it-work-failures");
        String work = Unique.name("it-work");
        QueueMappingSpec mapping = new QueueMappingSpec(work, "worker", 1, 2, true);
        Topology topology = new Topology(
                List.of(),
                List.of(),
                List.of(
                        QueueSpec.deadLetter(failures, "given up"),
                        QueueSpec.work(work, "shards", Duration.ofSeconds(5), failures, 2)),
                List.of(),
                List.of(),
                List.of(new FunctionSpec(
                        "worker",
                        "local",
                        ShardProbeFunction.class.getName(),
                        256,
                        Duration.ofSeconds(5),
                        Map.of(),
                        List.of(Access.readsAndWrites(Access.Kind.QUEUE, work)))),
                List.of(),
                List.of(),
                List.of(),
                List.of(mapping));
        JsonLog log = new JsonLog(System.out, false);
        LocalSettings settings = LocalSettings.fromEnvironment(System.getenv());
        try (EmbeddedSqs elasticMq = EmbeddedSqs.start(LocalPlatform.closedPort(), "us-east-1", "000000000000");
                SqsClient sqs =
                        new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, elasticMq.endpoint())).sqs();
                LocalFunctions functions = new LocalFunctions(topology, settings, log)) {
            QueueResources queues = new QueueResources(sqs, "");
            topology.queues().forEach(queues::ensure);
            String workUrl = sqs.getQueueUrl(g -> g.queueName(work)).queueUrl();
            for (String body : List.of(work + "-1", "fail", work + "-2")) {
                sqs.sendMessage(m -> m.queueUrl(workUrl).messageBody(body));
            }
            QueuePoller poller = new QueuePoller(
                    sqs,
                    work,
                    mapping,
                    functions.require("worker"),
                    new SqsEventFactory("us-east-1", "000000000000"),
                    MappingTuning.from(settings),
                    log);
            poller.start();

            String failuresUrl = sqs.getQueueUrl(g -> g.queueName(failures)).queueUrl();
            List<Message> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                dead.addAll(sqs.receiveMessage(r -> r.queueUrl(failuresUrl).waitTimeSeconds(1))
                        .messages());
                return !dead.isEmpty();
            });
            poller.close();

            assertThat(dead).extracting(Message::body).containsExactly("fail");
            assertThat(ShardProbeFunction.HANDLED).contains(work + "-1", work + "-2");
            assertThat(ShardProbeFunction.EVENT_SOURCES).containsOnly("aws:sqs");
            assertThat(sqs.receiveMessage(r -> r.queueUrl(workUrl).waitTimeSeconds(1))
                            .messages())
                    .isEmpty();
        }
    }
}
