package dev.pulse.legacy.application;

/** Counters per route: where requests went, fallbacks, shadow comparisons and differences, rollbacks. */
public interface ProxyMetrics {
    String SERVED_LEGACY = "ServedLegacy";
    String SERVED_NEW = "ServedNew";
    String FALLBACKS = "Fallbacks";
    String NEW_FAILURES = "NewFailures";
    String LEGACY_FAILURES = "LegacyFailures";
    String SHADOW_COMPARED = "ShadowCompared";
    String SHADOW_DIFFS = "ShadowDiffs";
    String SHADOW_DROPPED = "ShadowDropped";
    String AUTO_ROLLBACKS = "AutoRollbacks";

    void count(String route, String metric);
}
