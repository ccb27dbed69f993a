package dev.pulse.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.testing.LocalPlatform;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmbeddedSqsTest {
    @Test
    void givenStorage_whenRestarted_thenQueuesAndMessagesSurvive(@TempDir Path dir) {
        int port = LocalPlatform.closedPort();
        Optional<Path> storage = Optional.of(dir.resolve("elasticmq"));
        try (EmbeddedSqs first = EmbeddedSqs.start(port, "us-east-1", "000000000000", storage);
                SqsClient sqs = client(first)) {
            String url = sqs.createQueue(c -> c.queueName("dead-letters")).queueUrl();
            sqs.sendMessage(s -> s.queueUrl(url).messageBody("{\"kept\":true}"));
        }

        try (EmbeddedSqs second = EmbeddedSqs.start(port, "us-east-1", "000000000000", storage);
                SqsClient sqs = client(second)) {
            String url = sqs.getQueueUrl(g -> g.queueName("dead-letters")).queueUrl();
            var messages =
                    sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages();

            assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/000000000000/dead-letters");
            assertThat(messages)
                    .singleElement()
                    .satisfies(m -> assertThat(m.body()).isEqualTo("{\"kept\":true}"));
        }
    }

    private static SqsClient client(EmbeddedSqs server) {
        return new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, server.endpoint())).sqs();
    }
}
