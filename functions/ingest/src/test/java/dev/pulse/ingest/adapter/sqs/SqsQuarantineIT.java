package dev.pulse.ingest.adapter.sqs;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.ingest.application.Quarantine;
import dev.pulse.ingest.application.QuarantineContract;
import dev.pulse.ingest.application.QuarantineEntry;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The quarantine contract on an embedded ElasticMQ, the local runtime's SQS. */
class SqsQuarantineIT extends QuarantineContract {
    private final int port = LocalPlatform.closedPort();
    private final SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    private final SqsClient sqs =
            new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, "http://127.0.0.1:" + port)).sqs();
    private final String url;

    SqsQuarantineIT() {
        server.waitUntilStarted();
        url = sqs.createQueue(c -> c.queueName("quarantine")).queueUrl();
    }

    @AfterEach
    void stop() {
        sqs.close();
        server.stopAndWait();
    }

    @Override
    protected Quarantine quarantine() {
        return new SqsQuarantine(sqs, "quarantine");
    }

    @Override
    protected List<QuarantineEntry> delivered() {
        List<QuarantineEntry> received = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            var messages = sqs.receiveMessage(
                            r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            empty = messages.isEmpty() ? empty + 1 : 0;
            messages.forEach(m -> received.add(Json.read(m.body(), QuarantineEntry.class)));
        }
        return received;
    }

    @Override
    protected Quarantine unreachable() {
        return new SqsQuarantine(sqs, "no-such-queue");
    }
}
