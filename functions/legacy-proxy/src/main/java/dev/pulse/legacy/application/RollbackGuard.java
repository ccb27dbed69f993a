package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.Mode;
import dev.pulse.legacy.domain.RateWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the new service's calls per route over a sliding window; when at least {@code minCalls} were made and the
 * failure rate passed {@code maxFailureRate}, moves the route back to legacy (a conditional write, so of several
 * instances one records it), audited as {@link #WHO} and counted as {@link ProxyMetrics#AUTO_ROLLBACKS}.
 */
public final class RollbackGuard {
    public static final String WHO = "auto-rollback";

    private final RouteModes modes;
    private final ProxyMetrics metrics;
    private final Clock clock;
    private final Duration window;
    private final double maxFailureRate;
    private final int minCalls;
    private final Map<String, RateWindow> windows = new ConcurrentHashMap<>();

    public RollbackGuard(
            RouteModes modes, ProxyMetrics metrics, Clock clock, Duration window, double maxFailureRate, int minCalls) {
        this.modes = modes;
        this.metrics = metrics;
        this.clock = clock;
        this.window = window;
        this.maxFailureRate = maxFailureRate;
        this.minCalls = minCalls;
    }

    /** Records one call to the new service made in {@code mode}; rolls the route back when the window says so. */
    public void record(String route, Mode mode, boolean failed) {
        RateWindow w = windows.computeIfAbsent(route, r -> new RateWindow(window));
        long now = clock.millis();
        long calls;
        long failures;
        synchronized (w) {
            w.record(now, failed);
            calls = w.calls(now);
            failures = w.failures(now);
            if (!failed || calls < minCalls || (double) failures / calls <= maxFailureRate) {
                return;
            }
            w.clear();
        }
        String reason = String.format(
                "new service failed %d of %d calls in %d s (threshold %.0f %%)",
                failures, calls, window.toSeconds(), maxFailureRate * 100);
        if (modes.change(route, mode, Mode.LEGACY, WHO, reason, clock.instant())) {
            metrics.count(route, ProxyMetrics.AUTO_ROLLBACKS);
            System.getLogger(RollbackGuard.class.getName())
                    .log(System.Logger.Level.WARNING, "route {0} rolled back to legacy: {1}", route, reason);
        }
    }
}
