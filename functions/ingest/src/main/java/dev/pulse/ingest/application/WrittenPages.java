package dev.pulse.ingest.application;

import dev.pulse.core.domain.PageDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What this instance last wrote for each page, bounded (least recently used out), so that a page whose post changes
 * nothing mentions reads is not written again. Only a write that OpenSearch acknowledged is remembered.
 */
public final class WrittenPages {
    private final Policy policy;
    private final Map<String, Written> entries;

    /**
     * When a page write may be skipped: {@code capacity} pages remembered (0 turns skipping off), fans within {@code
     * fansToleranceBasisPoints} of the written fans (100 = 1 %), and the written document younger than {@code maxAge}.
     */
    public record Policy(int capacity, int fansToleranceBasisPoints, Duration maxAge) {
        public static final Policy OFF = new Policy(0, 0, Duration.ZERO);

        public Policy {
            Objects.requireNonNull(maxAge, "maxAge");
            if (capacity < 0 || fansToleranceBasisPoints < 0 || maxAge.isNegative()) {
                throw new IllegalArgumentException("negative write-skipping policy: " + capacity + ", "
                        + fansToleranceBasisPoints + ", " + maxAge);
            }
        }
    }

    private record Written(PageDocument page, long version, Instant at) {}

    public WrittenPages(Policy policy) {
        this.policy = policy;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
                return size() > policy.capacity();
            }
        };
    }

    /**
     * The version this instance wrote for the page, when {@code candidate} would change nothing mentions reads (name,
     * username, category, verified equal; fans within the tolerance) and that write is younger than the maximum age;
     * empty when the page must be written.
     */
    public synchronized OptionalLong unchanged(PageDocument candidate, Instant now) {
        if (policy.capacity() == 0) {
            return OptionalLong.empty();
        }
        Written written = entries.get(candidate.pageId());
        if (written == null
                || !now.isBefore(written.at().plus(policy.maxAge()))
                || !sameForMentions(written.page(), candidate)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(written.version());
    }

    /** Remembers an acknowledged write; a lower version than the one held is ignored, so the record never regresses. */
    public synchronized void written(PageDocument page, long version, Instant at) {
        if (policy.capacity() == 0) {
            return;
        }
        Written held = entries.get(page.pageId());
        if (held == null || held.version() <= version) {
            entries.put(page.pageId(), new Written(page, version, at));
        }
    }

    /** Drops what is known of a page whose write was not acknowledged, or lost to a newer version. */
    public synchronized void forget(String pageId) {
        entries.remove(pageId);
    }

    public synchronized int size() {
        return entries.size();
    }

    private boolean sameForMentions(PageDocument written, PageDocument candidate) {
        return written.name().equals(candidate.name())
                && Objects.equals(written.username(), candidate.username())
                && Objects.equals(written.category(), candidate.category())
                && written.verified() == candidate.verified()
                && fansWithinTolerance(written.fans(), candidate.fans());
    }

    private boolean fansWithinTolerance(long written, long candidate) {
        // in doubles: fans fit a long, and a product in longs could overflow
        return Math.abs((double) candidate - written) * 10_000 <= (double) written * policy.fansToleranceBasisPoints();
    }
}
