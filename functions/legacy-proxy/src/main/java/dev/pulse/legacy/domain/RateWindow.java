package dev.pulse.legacy.domain;

import java.time.Duration;

/**
 * Calls and failures over a sliding window of one-second buckets (a ring), for the automatic rollback. Not
 * thread-safe on its own: the guard synchronises on it.
 */
public final class RateWindow {
    private final long[] calls;
    private final long[] failures;
    private final long[] second;

    public RateWindow(Duration window) {
        int size = (int) Math.max(1, window.toSeconds());
        calls = new long[size];
        failures = new long[size];
        second = new long[size];
    }

    public void record(long epochMillis, boolean failed) {
        long s = epochMillis / 1000;
        int i = (int) Math.floorMod(s, (long) calls.length);
        if (second[i] != s) {
            second[i] = s;
            calls[i] = 0;
            failures[i] = 0;
        }
        calls[i]++;
        if (failed) {
            failures[i]++;
        }
    }

    /** Calls in the window ending at {@code epochMillis}. */
    public long calls(long epochMillis) {
        return sum(calls, epochMillis);
    }

    public long failures(long epochMillis) {
        return sum(failures, epochMillis);
    }

    public void clear() {
        java.util.Arrays.fill(calls, 0);
        java.util.Arrays.fill(failures, 0);
    }

    private long sum(long[] counts, long epochMillis) {
        long now = epochMillis / 1000;
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (now - second[i] < counts.length && second[i] <= now) {
                total += counts[i];
            }
        }
        return total;
    }
}
