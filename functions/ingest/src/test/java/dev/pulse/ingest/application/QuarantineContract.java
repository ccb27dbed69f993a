package dev.pulse.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.domain.PoisonReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Quarantine} must do: deliver each entry intact (payload, reason and stream position, so it can be
 * inspected and replayed), however many are sent at once and however large their payloads; and hand back, in order,
 * exactly the entries it could not deliver, which the service then reports as transient failures.
 */
public abstract class QuarantineContract {
    /** A quarantine over an empty queue that {@link #delivered()} reads. */
    protected abstract Quarantine quarantine();

    /** Every entry delivered so far, in any order (queues need not keep order). */
    protected abstract List<QuarantineEntry> delivered();

    /** A quarantine whose queue cannot be reached or does not exist. */
    protected abstract Quarantine unreachable();

    @Test
    void givenEntries_whenSent_thenNoneUndeliveredAndEachArrivesIntact() {
        List<QuarantineEntry> entries =
                List.of(entry(0, bytes("{\"broken\":0")), entry(1, new byte[] {(byte) 0xff, 0}));

        assertThat(quarantine().send(entries)).isEmpty();

        assertThat(delivered()).containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void givenMoreEntriesThanOneSendHoldsAndALargeOne_whenSent_thenEveryOneArrives() {
        List<QuarantineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            entries.add(entry(i, bytes("{\"broken\":" + i)));
        }
        entries.add(entry(24, new byte[200_000]));

        assertThat(quarantine().send(entries)).isEmpty();

        List<QuarantineEntry> received = delivered();
        assertThat(received).containsExactlyInAnyOrderElementsOf(entries);
        QuarantineEntry large =
                received.stream().filter(e -> e.subSequence() == 24).findFirst().orElseThrow();
        assertThat(large.payloadTruncated()).isTrue();
        assertThat(large.payloadBytes()).isEqualTo(200_000);
        assertThat(Base64.getDecoder().decode(large.payloadBase64())).hasSize(QuarantineEntry.MAX_PAYLOAD_BYTES);
        QuarantineEntry small =
                received.stream().filter(e -> e.subSequence() == 3).findFirst().orElseThrow();
        assertThat(new String(Base64.getDecoder().decode(small.payloadBase64()), StandardCharsets.UTF_8))
                .isEqualTo("{\"broken\":3");
        assertThat(small.reason()).isEqualTo(PoisonReason.MALFORMED_JSON);
        assertThat(small.shardId()).isEqualTo("shardId-000000000003");
        assertThat(small.sequenceNumber()).isEqualTo("4950000000000000000003");
    }

    @Test
    void givenNothingToSend_whenSent_thenNothingUndeliveredAndNothingDelivered() {
        assertThat(quarantine().send(List.of())).isEmpty();

        assertThat(delivered()).isEmpty();
    }

    @Test
    void givenQueueUnreachable_whenSent_thenEveryEntryComesBackInOrder() {
        List<QuarantineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(entry(i, new byte[] {(byte) i}));
        }

        assertThat(unreachable().send(entries)).containsExactlyElementsOf(entries);
    }

    protected static QuarantineEntry entry(int i, byte[] payload) {
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
