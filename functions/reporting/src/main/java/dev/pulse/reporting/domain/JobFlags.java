package dev.pulse.reporting.domain;

/**
 * A job's switches from the flags table: on or off, how many pages one aggregation request covers, and how many
 * search requests may be in flight at once (the pace's ceiling; the job slows below it when OpenSearch is busy).
 */
public record JobFlags(boolean enabled, int batchSize, int pace) {
    public static final JobFlags DEFAULTS = new JobFlags(true, 500, 2);
    public static final int MAX_BATCH = 1_000;
    public static final int MAX_PACE = 16;

    public JobFlags {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1-" + MAX_BATCH + ", was " + batchSize);
        }
        if (pace < 1 || pace > MAX_PACE) {
            throw new IllegalArgumentException("pace must be 1-" + MAX_PACE + ", was " + pace);
        }
    }
}
