package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.RetentionPlan;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the posts indices past their retention, one exact name at a time; a dry run only lists them. */
public final class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final IndexAdmin indices;
    private final RetentionPlan plan;
    private final Flags flags;
    private final JobMetrics metrics;
    private final Clock clock;

    public RetentionJob(IndexAdmin indices, RetentionPlan plan, Flags flags, JobMetrics metrics, Clock clock) {
        this.indices = indices;
        this.plan = plan;
        this.flags = flags;
        this.metrics = metrics;
        this.clock = clock;
    }

    public RetentionResult run(boolean dryRun) {
        if (!flags.current().enabled()) {
            LOG.info("{} is switched off in the flags table; nothing deleted", flags.job());
            return new RetentionResult(RunResult.SWITCHED_OFF, dryRun, List.of(), List.of());
        }
        List<String> all = indices.list(plan.prefix());
        List<String> expired = plan.expired(all, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<String> kept =
                all.stream().filter(i -> !expired.contains(i)).sorted().toList();
        if (!dryRun) {
            expired.forEach(indices::delete);
        }
        LOG.info(
                "{}: {} {} of {} indices: {}",
                flags.job(),
                dryRun ? "would delete" : "deleted",
                expired.size(),
                all.size(),
                expired);
        RetentionResult result = new RetentionResult(RunResult.COMPLETE, dryRun, expired, kept);
        metrics.retention(result);
        return result;
    }
}
