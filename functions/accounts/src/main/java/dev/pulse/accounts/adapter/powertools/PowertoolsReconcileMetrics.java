package dev.pulse.accounts.adapter.powertools;

import dev.pulse.accounts.application.ReconcileMetrics;
import dev.pulse.accounts.application.ReconcileReport;
import dev.pulse.core.topology.Observability;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Emits each run's figures as CloudWatch Embedded Metric Format lines through Powertools' functional API. */
public final class PowertoolsReconcileMetrics implements ReconcileMetrics {
    /** Account ids missing from, and extra in, tracked-pages' sets; their sum is the alarmed drift metric. */
    public static final String MISSING = "DriftMissing";

    public static final String EXTRA = "DriftExtra";

    private final Metrics metrics;

    public PowertoolsReconcileMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void run(ReconcileReport report, long latencyMillis) {
        metrics.addMetric(MISSING, report.missing(), MetricUnit.COUNT);
        metrics.addMetric(EXTRA, report.extra(), MetricUnit.COUNT);
        metrics.addMetric(Observability.TRACKED_DRIFT_METRIC, report.drift(), MetricUnit.COUNT);
        metrics.addMetric("Settled", report.settled(), MetricUnit.COUNT);
        metrics.addMetric("PagesScanned", report.pagesScanned(), MetricUnit.COUNT);
        metrics.addMetric("RowsScanned", report.rowsScanned(), MetricUnit.COUNT);
        metrics.addMetric("CountersRepaired", report.countersRepaired(), MetricUnit.COUNT);
        metrics.addMetric("RunLatency", latencyMillis, MetricUnit.MILLISECONDS);
        metrics.flush();
    }
}
