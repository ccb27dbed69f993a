package dev.pulse.reporting.adapter.powertools;

import dev.pulse.reporting.application.JobMetrics;
import dev.pulse.reporting.application.RetentionResult;
import dev.pulse.reporting.application.RunResult;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** A run's figures as CloudWatch Embedded Metric Format lines; the alarms watch AccountsFailed and RunsIncomplete. */
public final class PowertoolsJobMetrics implements JobMetrics {
    private final Metrics metrics;

    public PowertoolsJobMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void snapshots(String job, RunResult result) {
        figures(result, RunResult.COMPLETE.equals(result.status()));
    }

    @Override
    public void shard(String job, RunResult result, boolean runCompleted) {
        figures(result, runCompleted);
    }

    private void figures(RunResult result, boolean runCompleted) {
        metrics.addMetric("AccountsWritten", result.accountsWritten(), MetricUnit.COUNT);
        metrics.addMetric("AccountsFailed", result.accountsFailed(), MetricUnit.COUNT);
        metrics.addMetric("PagesReported", result.pages(), MetricUnit.COUNT);
        metrics.addMetric("UnknownPages", result.unknownPages(), MetricUnit.COUNT);
        metrics.addMetric("SkippedPosts", result.skippedPosts(), MetricUnit.COUNT);
        metrics.addMetric("SearchRequests", result.searchRequests(), MetricUnit.COUNT);
        metrics.addMetric("RunsCompleted", runCompleted ? 1 : 0, MetricUnit.COUNT);
        metrics.flush();
    }

    @Override
    public void retention(RetentionResult result) {
        metrics.addMetric("IndicesExpired", result.expired().size(), MetricUnit.COUNT);
        metrics.addMetric("RunsCompleted", 1, MetricUnit.COUNT);
        metrics.flush();
    }
}
