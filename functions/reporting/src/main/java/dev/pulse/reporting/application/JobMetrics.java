package dev.pulse.reporting.application;

/** A run's figures, as metrics. */
public interface JobMetrics {
    void snapshots(String job, RunResult result);

    void retention(RetentionResult result);

    /** One shard's figures; {@code runCompleted} when it finished its run's last shard (the job-late alarm's count). */
    default void shard(String job, RunResult result, boolean runCompleted) {
        snapshots(job, result);
    }

    /** Metrics that go nowhere, for tools and tests that do not look at them. */
    JobMetrics NONE = new JobMetrics() {
        @Override
        public void snapshots(String job, RunResult result) {}

        @Override
        public void retention(RetentionResult result) {}
    };
}
