package dev.pulse.ingest.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.ingest.application.InboundRecord;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.application.SourceRecord;
import dev.pulse.ingest.domain.PoisonReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsQuarantineIT {
    private final int port = LocalPlatform.closedPort();
    private final SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    private final SqsClient sqs =
            new AwsClients(LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, "http://127.0.0.1:" + port)).sqs();

    @AfterEach
    void stop() {
        sqs.close();
        server.stopAndWait();
    }

    @Test
    void givenEntriesIncludingALargeOne_whenSent_thenEachArrivesWithPayloadAndPosition() {
        server.waitUntilStarted();
        String url = sqs.createQueue(c -> c.queueName("quarantine")).queueUrl();
        List<QuarantineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            entries.add(entry(i, ("{\"broken\":" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        entries.add(entry(24, new byte[200_000]));

        List<QuarantineEntry> undelivered = new SqsQuarantine(sqs, "quarantine").send(entries);

        assertThat(undelivered).isEmpty();
        List<QuarantineEntry> received = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            var messages = sqs.receiveMessage(
                            r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            empty = messages.isEmpty() ? empty + 1 : 0;
            messages.forEach(m -> received.add(Json.read(m.body(), QuarantineEntry.class)));
        }
        assertThat(received).hasSize(25);
        QuarantineEntry large =
                received.stream().filter(e -> e.subSequence() == 24).findFirst().orElseThrow();
        assertThat(large.payloadTruncated()).isTrue();
        assertThat(large.payloadBytes()).isEqualTo(200_000);
        assertThat(Base64.getDecoder().decode(large.payloadBase64())).hasSize(QuarantineEntry.MAX_PAYLOAD_BYTES);
        QuarantineEntry small =
                received.stream().filter(e -> e.subSequence() == 3).findFirst().orElseThrow();
        assertThat(new String(
                        Base64.getDecoder().decode(small.payloadBase64()), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"broken\":3");
        assertThat(small.reason()).isEqualTo(PoisonReason.MALFORMED_JSON);
        assertThat(small.shardId()).isEqualTo("shardId-000000000003");
        assertThat(small.sequenceNumber()).isEqualTo("4950000000000000000003");
    }

    @Test
    void givenMissingQueue_whenSent_thenEverythingIsUndelivered() {
        server.waitUntilStarted();
        List<QuarantineEntry> entries = List.of(entry(1, new byte[] {1}), entry(2, new byte[] {2}));

        assertThat(new SqsQuarantine(sqs, "no-such-queue").send(entries)).isEqualTo(entries);
    }

    private static QuarantineEntry entry(int i, byte[] payload) {
        InboundRecord inbound = new InboundRecord(
                "shardId-00000000000" + (i % 10),
                "49500000000000000000" + String.format("%02d", i),
                "k",
                payload,
                null);
        return QuarantineEntry.of(
                new SourceRecord(inbound, i, "page-" + i, payload),
                PoisonReason.MALFORMED_JSON,
                "unexpected end",
                Instant.parse("2026-11-26T06:00:00Z"));
    }
}
