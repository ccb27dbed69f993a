package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.Mode;
import dev.pulse.legacy.domain.RateWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches each route in {@code canary}/{@code new} over a sliding window, on two rates: the new service's failures
 * per call, and its differences from legacy per compared answer (the sampled verification). When either passed its
 * threshold over at least its minimum count, moves the route back to legacy (a conditional write, so of several
 * instances one records it), audited as {@link #WHO} with the figures as the reason, and counted as
 * {@link ProxyMetrics#AUTO_ROLLBACKS}.
 */
public final class RollbackGuard {
    public static final String WHO = "auto-rollback";

    private final RouteModes modes;
    private final ProxyMetrics metrics;
    private final Clock clock;
    private final Limits limits;
    private final Map<String, RateWindow> failures = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> diffs = new ConcurrentHashMap<>();

    /**
     * The window, and per rate its threshold (a fraction, exclusive) and the count the window needs before it may
     * roll back.
     */
    public record Limits(Duration window, double maxFailureRate, int minCalls, double maxDiffRate, int minComparisons) {
        public Limits {
            if (!(maxFailureRate > 0 && maxFailureRate < 1) || !(maxDiffRate > 0 && maxDiffRate < 1)) {
                throw new IllegalArgumentException("a rollback rate is between 0 and 1");
            }
            if (minCalls < 1 || minComparisons < 1) {
                throw new IllegalArgumentException("a rollback needs at least one call");
            }
        }
    }

    public RollbackGuard(RouteModes modes, ProxyMetrics metrics, Clock clock, Limits limits) {
        this.modes = modes;
        this.metrics = metrics;
        this.clock = clock;
        this.limits = limits;
    }

    /** Records one call to the new service made in {@code mode}; rolls the route back when the window says so. */
    public void record(String route, Mode mode, boolean failed) {
        check(route, mode, failed, failures, limits.maxFailureRate(), limits.minCalls(), "failed", "calls");
    }

    /**
     * Records one comparison of an answer the new service gave in {@code mode} with legacy's answer to the same
     * request; rolls the route back when the window's diff rate says so.
     */
    public void recordComparison(String route, Mode mode, boolean differed) {
        check(
                route,
                mode,
                differed,
                diffs,
                limits.maxDiffRate(),
                limits.minComparisons(),
                "answered differently from legacy in",
                "compared calls");
    }

    private void check(
            String route,
            Mode mode,
            boolean bad,
            Map<String, RateWindow> windows,
            double maxRate,
            int min,
            String verb,
            String noun) {
        RateWindow w = windows.computeIfAbsent(route, r -> new RateWindow(limits.window()));
        long now = clock.millis();
        long total;
        long hits;
        synchronized (w) {
            w.record(now, bad);
            total = w.calls(now);
            hits = w.failures(now);
            if (!bad || total < min || (double) hits / total <= maxRate) {
                return;
            }
            w.clear();
        }
        String reason = String.format(
                java.util.Locale.ROOT,
                "new service %s %d of %d %s in %d s (threshold %.0f %%)",
                verb,
                hits,
                total,
                noun,
                limits.window().toSeconds(),
                maxRate * 100);
        if (modes.change(route, mode, Mode.LEGACY, WHO, reason, clock.instant())) {
            metrics.count(route, ProxyMetrics.AUTO_ROLLBACKS);
            System.getLogger(RollbackGuard.class.getName())
                    .log(System.Logger.Level.WARNING, "route {0} rolled back to legacy: {1}", route, reason);
        }
    }
}
