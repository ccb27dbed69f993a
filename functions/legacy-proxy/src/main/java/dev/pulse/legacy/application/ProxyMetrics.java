package dev.pulse.legacy.application;

import dev.pulse.core.topology.Observability;

/** Counters per route: where requests went, fallbacks, shadow comparisons and differences, rollbacks. */
public interface ProxyMetrics {
    String SERVED_LEGACY = "ServedLegacy";
    String SERVED_NEW = Observability.LEGACY_SERVED_NEW_METRIC;
    String FALLBACKS = Observability.LEGACY_FALLBACKS_METRIC;
    String NEW_FAILURES = "NewFailures";
    String LEGACY_FAILURES = "LegacyFailures";
    String SHADOW_COMPARED = Observability.LEGACY_SHADOW_COMPARED_METRIC;
    String SHADOW_DIFFS = Observability.LEGACY_SHADOW_DIFFS_METRIC;
    String SHADOW_DROPPED = "ShadowDropped";
    String SHADOW_STALE = "ShadowStale";
    String AUTO_ROLLBACKS = Observability.LEGACY_AUTO_ROLLBACKS_METRIC;

    void count(String route, String metric);
}
