package dev.pulse.ingest.adapter.powertools;

import dev.pulse.ingest.application.BatchResult;
import dev.pulse.ingest.application.IngestMetrics;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Emits each batch's figures as CloudWatch Embedded Metric Format lines through Powertools' functional API. */
public final class PowertoolsIngestMetrics implements IngestMetrics {
    private final Metrics metrics;

    public PowertoolsIngestMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void batch(BatchResult result, long latencyMillis) {
        metrics.addMetric("RecordsIn", result.recordsIn(), MetricUnit.COUNT);
        metrics.addMetric("PostsIn", result.postsIn(), MetricUnit.COUNT);
        metrics.addMetric("PagesUpserted", result.pagesUpserted(), MetricUnit.COUNT);
        metrics.addMetric("PagesSkipped", result.pagesSkipped(), MetricUnit.COUNT);
        metrics.addMetric("PostsIndexed", result.postsIndexed(), MetricUnit.COUNT);
        metrics.addMetric("Quarantined", result.quarantined(), MetricUnit.COUNT);
        metrics.addMetric("FailedRecords", result.failedSequenceNumbers().size(), MetricUnit.COUNT);
        metrics.addMetric("BatchLatency", latencyMillis, MetricUnit.MILLISECONDS);
        metrics.flush();
    }
}
