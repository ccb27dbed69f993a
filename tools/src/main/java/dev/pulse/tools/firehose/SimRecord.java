package dev.pulse.tools.firehose;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.ingest.domain.PoisonReason;
import java.time.Instant;

/**
 * One simulated firehose record and what ingest must make of it: a valid post (its id, creation time and the page
 * snapshot it carries) or poison with the reason it must be quarantined for.
 */
public record SimRecord(
        String partitionKey,
        byte[] payload,
        String postId,
        Instant createdTime,
        PageDocument page,
        PoisonReason poison) {

    public boolean isPoison() {
        return poison != null;
    }
}
