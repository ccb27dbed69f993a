package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.JobFlags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's flags, read from the store at most once per {@code ttl} (30 s at most), so a change takes effect within
 * it and without a deploy. When the store cannot be read, the last answer (or the defaults) stands.
 */
public final class Flags {
    public static final Duration MAX_TTL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Flags.class);

    private final FlagStore store;
    private final String job;
    private final Duration ttl;
    private final Clock clock;
    private JobFlags current = JobFlags.DEFAULTS;
    private Instant readAt = Instant.MIN;

    public Flags(FlagStore store, String job, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("flags are re-read within 30 s; ttl was " + ttl);
        }
        this.store = store;
        this.job = job;
        this.ttl = ttl;
        this.clock = clock;
    }

    public synchronized JobFlags current() {
        Instant now = clock.instant();
        if (readAt.equals(Instant.MIN) || !now.isBefore(readAt.plus(ttl))) {
            try {
                current = store.read(job).orElse(JobFlags.DEFAULTS);
            } catch (RuntimeException e) {
                LOG.warn("flags of {} unreadable, keeping {}: {}", job, current, e.toString());
            }
            readAt = now;
        }
        return current;
    }

    public String job() {
        return job;
    }
}
