package dev.pulse.tools.it;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.domain.PoisonReason;
import dev.pulse.tools.firehose.SimRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** What ingest must produce from a set of simulated records: the newest page versions, tracked posts, and poison. */
final class Expectations {
    final Map<String, PageDocument> pages = new HashMap<>();
    final Map<String, Instant> trackedPosts = new HashMap<>();
    /** Poison by payload fingerprint, with the reason it must carry and how many times it was sent. */
    final Map<String, PoisonReason> poisonReasons = new HashMap<>();

    final Map<String, Integer> poisonCounts = new HashMap<>();
    int records;
    int poison;

    void add(SimRecord record, Set<String> tracked) {
        records++;
        if (record.isPoison()) {
            poison++;
            String key = fingerprint(record.payload(), record.payload().length);
            poisonReasons.put(key, record.poison());
            poisonCounts.merge(key, 1, Integer::sum);
            return;
        }
        pages.merge(
                record.page().pageId(),
                record.page(),
                (held, offered) -> offered.updatedTime().isBefore(held.updatedTime()) ? held : offered);
        if (tracked.contains(record.page().pageId())) {
            trackedPosts.put(record.postId(), record.createdTime());
        }
    }

    /** The fingerprint of a payload as a quarantine entry carries it (possibly cut), plus its full length. */
    static String fingerprint(byte[] payload, int fullLength) {
        byte[] kept = Arrays.copyOf(payload, Math.min(payload.length, QuarantineEntry.MAX_PAYLOAD_BYTES));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kept)) + ":" + fullLength;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
