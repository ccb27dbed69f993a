package dev.pulse.ingest.application;

import dev.pulse.ingest.domain.PoisonReason;
import java.time.Instant;
import java.util.Base64;

/**
 * A poison record on its way to the quarantine queue: the raw payload (base64, since it may not be UTF-8), why, and
 * exactly where it was in the stream, so it can be inspected and replayed.
 */
public record QuarantineEntry(
        PoisonReason reason,
        String detail,
        String shardId,
        String sequenceNumber,
        int subSequence,
        String partitionKey,
        String payloadBase64,
        int payloadBytes,
        boolean payloadTruncated,
        Instant quarantinedAt) {

    /** Payloads above this are cut so that the entry stays within one SQS message. */
    public static final int MAX_PAYLOAD_BYTES = 128 * 1024;

    public static QuarantineEntry of(SourceRecord record, PoisonReason reason, String detail, Instant now) {
        byte[] data = record.data();
        int kept = Math.min(data.length, MAX_PAYLOAD_BYTES);
        String base64 =
                Base64.getEncoder().encodeToString(kept == data.length ? data : java.util.Arrays.copyOf(data, kept));
        return new QuarantineEntry(
                reason,
                detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 1000) : detail,
                record.inbound().shardId(),
                record.sequenceNumber(),
                record.subSequence(),
                record.partitionKey(),
                base64,
                data.length,
                kept < data.length,
                now);
    }
}
