package dev.pulse.local.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** core's SQS client factory against a real ElasticMQ server on loopback. */
class SqsIT {
    private static SQSRestServer elasticMq;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        int port = LocalPlatform.closedPort();
        elasticMq =
                SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        elasticMq.waitUntilStarted();
        sqs = new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, "http://127.0.0.1:" + port)).sqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.stopAndWait();
    }

    @Test
    void givenMessage_whenSent_thenReceivedWithBodyAndAttributes() {
        String url = sqs.createQueue(c -> c.queueName(Unique.name("it-queue"))).queueUrl();

        sqs.sendMessage(s -> s.queueUrl(url).messageBody("{\"reason\":\"malformed JSON\"}"));
        var messages = sqs.receiveMessage(
                        r -> r.queueUrl(url).waitTimeSeconds(2).maxNumberOfMessages(10))
                .messages();

        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().body()).contains("malformed JSON");
    }

    @Test
    void givenMissingQueue_whenLookedUp_thenQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.getQueueUrl(g -> g.queueName(Unique.name("absent"))))
                .isInstanceOf(QueueDoesNotExistException.class);
    }
}
