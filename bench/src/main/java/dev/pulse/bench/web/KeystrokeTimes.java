package dev.pulse.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.bench.mentions.Latencies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** The browser's keystroke-to-paint measures, overall and split by where the answer came from. */
record KeystrokeTimes(List<Measure> measures, int errors, long wallMillis) {
    /** One keystroke: its query, how long until its list was painted, and whether the client cache answered. */
    record Measure(String query, double millis, String source, int results, Map<String, Double> phases) {}

    /** The phases of an API-answered keystroke, in the order they happen ("server" is part of "api"). */
    private static final List<String> PHASES = List.of("debounce", "api", "server", "render", "paint");

    static KeystrokeTimes from(JsonNode json) {
        List<Measure> measures = new ArrayList<>();
        int errors = 0;
        for (JsonNode each : json.path("measures")) {
            if (each.hasNonNull("error")) {
                errors++;
            } else {
                Map<String, Double> phases = new LinkedHashMap<>();
                each.path("phases")
                        .properties()
                        .forEach(p -> phases.put(p.getKey(), p.getValue().asDouble()));
                measures.add(new Measure(
                        each.path("query").asText(),
                        each.path("ms").asDouble(),
                        each.path("source").asText(),
                        each.path("results").asInt(),
                        phases));
            }
        }
        return new KeystrokeTimes(measures, errors, json.path("wallMs").asLong());
    }

    Latencies all() {
        return latencies("all keystrokes", m -> true);
    }

    void print() {
        for (Latencies each : List.of(
                all(),
                latencies("answered by the API", m -> m.source().equals("api")),
                latencies("client cache", m -> m.source().equals("cache")))) {
            if (each.count() > 0) {
                System.out.println(String.format(
                        Locale.ROOT,
                        "%-22s n=%4d  p50=%7.1f ms  p95=%7.1f ms  p99=%7.1f ms  max=%7.1f ms",
                        each.path(),
                        each.count(),
                        each.percentileMs(50),
                        each.percentileMs(95),
                        each.percentileMs(99),
                        each.percentileMs(100)));
            }
        }
        List<Measure> api =
                measures.stream().filter(m -> m.source().equals("api")).toList();
        if (!api.isEmpty()) {
            StringBuilder line = new StringBuilder("API-answered keystrokes, p50 / p95 by phase:");
            for (String phase : PHASES) {
                long[] nanos = api.stream()
                        .mapToLong(m -> Math.round(m.phases().getOrDefault(phase, 0.0) * 1e6))
                        .toArray();
                Latencies each = new Latencies(phase, nanos, new int[nanos.length], 1, 0);
                line.append(String.format(
                        Locale.ROOT, "  %s %.1f / %.1f ms", phase, each.percentileMs(50), each.percentileMs(95)));
            }
            System.out.println(line);
        }
        long empty = measures.stream().filter(m -> m.results() == 0).count();
        System.out.printf(
                "%d keystrokes painted (%d with no matching page), %d without suggestions in time (errors), in %.1f s%n",
                measures.size(), empty, errors, wallMillis / 1e3);
    }

    private Latencies latencies(String path, Predicate<Measure> which) {
        List<Measure> selected = measures.stream().filter(which).toList();
        long[] nanos =
                selected.stream().mapToLong(m -> Math.round(m.millis() * 1e6)).toArray();
        int[] lengths = selected.stream()
                .mapToInt(m -> m.query().codePointCount(0, m.query().length()))
                .toArray();
        return new Latencies(path, nanos, lengths, wallMillis * 1_000_000, errors);
    }
}
