package dev.pulse.bench.mentions;

import java.util.Arrays;
import java.util.Locale;

/** Recorded call latencies for one path, with percentiles and throughput. */
public final class Latencies {
    final String path;
    final long[] nanos;
    final int[] prefixLengths;
    final long wallNanos;
    final int errors;

    public Latencies(String path, long[] nanos, int[] prefixLengths, long wallNanos, int errors) {
        this.path = path;
        this.nanos = nanos;
        this.prefixLengths = prefixLengths;
        this.wallNanos = wallNanos;
        this.errors = errors;
    }

    /** The path's name, as the figures print it. */
    public String path() {
        return path;
    }

    /** How many calls were recorded. */
    public int count() {
        return nanos.length;
    }

    public double percentileMs(double p) {
        return percentileMs(nanos, p);
    }

    double qps() {
        return nanos.length / (wallNanos / 1e9);
    }

    /** p99 for prefixes whose length (in code points) is within [min, max]; NaN when none. */
    double p99ForLengths(int min, int max) {
        long[] selected = java.util.stream.IntStream.range(0, nanos.length)
                .filter(i -> prefixLengths[i] >= min && prefixLengths[i] <= max)
                .mapToLong(i -> nanos[i])
                .toArray();
        return selected.length == 0 ? Double.NaN : percentileMs(selected, 99);
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                "%-22s n=%5d  p50=%8.2f ms  p95=%8.2f ms  p99=%8.2f ms  max=%8.2f ms  qps=%8.1f  errors=%d",
                path,
                nanos.length,
                percentileMs(50),
                percentileMs(95),
                percentileMs(99),
                percentileMs(100),
                qps(),
                errors);
    }

    String byLength() {
        return String.format(
                Locale.ROOT,
                "%-22s p99 by prefix length: 1=%.2f  2=%.2f  3-4=%.2f  5-7=%.2f  8+=%.2f ms",
                path,
                p99ForLengths(1, 1),
                p99ForLengths(2, 2),
                p99ForLengths(3, 4),
                p99ForLengths(5, 7),
                p99ForLengths(8, Integer.MAX_VALUE));
    }

    private static double percentileMs(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
