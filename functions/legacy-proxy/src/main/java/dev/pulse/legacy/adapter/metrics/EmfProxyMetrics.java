package dev.pulse.legacy.adapter.metrics;

import dev.pulse.core.json.Json;
import dev.pulse.core.topology.Observability;
import dev.pulse.legacy.application.ProxyMetrics;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * CloudWatch embedded-metric-format lines, dimensions {@code Service} and {@code Route}: counts add up in memory and
 * {@link #flush()} (after each invocation) writes one line per route that counted anything, so a busy proxy writes a
 * line per request, not one per counter. Counts made by shadow work after a flush go out with the next one.
 */
public final class EmfProxyMetrics implements ProxyMetrics {
    static final String ROUTE_DIMENSION = "Route";

    private final String namespace;
    private final String service;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    public EmfProxyMetrics(String namespace, String service, PrintStream out, Clock clock) {
        this.namespace = namespace;
        this.service = service;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void count(String route, String metric) {
        counts.computeIfAbsent(route, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(metric, m -> new LongAdder())
                .increment();
    }

    /** Writes and resets what was counted. */
    public void flush() {
        for (String route : List.copyOf(counts.keySet())) {
            Map<String, LongAdder> byMetric = counts.get(route);
            Map<String, Long> values = new TreeMap<>();
            byMetric.forEach((metric, adder) -> {
                long v = adder.sumThenReset();
                if (v > 0) {
                    values.put(metric, v);
                }
            });
            if (values.isEmpty()) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put(
                    "_aws",
                    Map.of(
                            "Timestamp",
                            clock.millis(),
                            "CloudWatchMetrics",
                            List.of(Map.of(
                                    "Namespace",
                                    namespace,
                                    "Dimensions",
                                    // per route, and summed per function for the alarms
                                    List.of(
                                            List.of(Observability.SERVICE_DIMENSION, ROUTE_DIMENSION),
                                            List.of(Observability.SERVICE_DIMENSION)),
                                    "Metrics",
                                    values.keySet().stream()
                                            .map(m -> Map.of("Name", m, "Unit", "Count"))
                                            .toList()))));
            line.put(Observability.SERVICE_DIMENSION, service);
            line.put(ROUTE_DIMENSION, route);
            line.putAll(values);
            out.println(Json.write(line));
        }
    }
}
