package dev.pulse.cdk.stacks;

import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The legacy proxy's own alarms, on the EMF counts it publishes under {@code Service=legacy-proxy}: an automatic
 * rollback happened, the fallback rate to legacy is high, and the shadow comparison's diff rate is high.
 */
final class LegacyProxyAlarms {
    /** A rate (percent of five minutes' calls) that pages someone for three periods in a row. */
    static final double FALLBACK_RATE_PERCENT = 5;

    static final double DIFF_RATE_PERCENT = 5;

    private LegacyProxyAlarms() {}

    static List<Alarm> make(Alarms make) {
        String fn = PulseTopology.LEGACY_PROXY_FUNCTION;
        return List.of(
                make.atLeast(
                        fn,
                        "auto-rollback",
                        count(Observability.LEGACY_AUTO_ROLLBACKS_METRIC),
                        1,
                        1,
                        "The legacy proxy moved a route back to legacy by itself: the new service's error rate or"
                                + " diff rate passed its threshold."),
                make.atLeast(
                        fn,
                        "fallback-rate",
                        rate(
                                Observability.LEGACY_FALLBACKS_METRIC,
                                Observability.LEGACY_SERVED_NEW_METRIC,
                                "IF(s + f > 0, 100 * f / (s + f), 0)",
                                "Fallback rate (%)"),
                        FALLBACK_RATE_PERCENT,
                        3,
                        "More than 5 % of the legacy proxy's calls to the new service fell back to legacy."),
                make.atLeast(
                        fn,
                        "diff-rate",
                        rate(
                                Observability.LEGACY_SHADOW_DIFFS_METRIC,
                                Observability.LEGACY_SHADOW_COMPARED_METRIC,
                                "IF(s > 0, 100 * f / s, 0)",
                                "Shadow diff rate (%)"),
                        DIFF_RATE_PERCENT,
                        3,
                        "More than 5 % of the compared requests (shadow, and the sample compared in canary and"
                                + " new) answered differently on the new service."));
    }

    private static Metric count(String name) {
        return Metric.Builder.create()
                .namespace(Observability.METRICS_NAMESPACE)
                .metricName(name)
                .dimensionsMap(Map.of(Observability.SERVICE_DIMENSION, PulseTopology.LEGACY_PROXY_FUNCTION))
                .statistic("Sum")
                .period(Duration.minutes(5))
                .build();
    }

    /** {@code expression} over f = {@code part} and s = {@code other}, both five-minute sums. */
    private static IMetric rate(String part, String other, String expression, String label) {
        return MathExpression.Builder.create()
                // sorted: Map.of iterates in a different order in each JVM, and the template would change with it
                .expression(expression)
                .usingMetrics(new TreeMap<>(Map.of("f", count(part), "s", count(other))))
                .label(label)
                .period(Duration.minutes(5))
                .build();
    }
}
