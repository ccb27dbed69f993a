package dev.pulse.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.bench.mentions.MachineFacts;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./pulse bench coldstart [--runs N] [--jars DIR]}: for each function of the topology, a fresh JVM with the
 * function's shaded jar and Lambda-like JVM flags, from process start to the first response, against the local servers.
 * {@code --jars DIR} measures other builds of the same jars (for example the jars of an earlier commit) in the same run
 * as today's. Prints figures; asserts nothing. The last line is {@code RESULT coldstart ingest_ms=… mentions_ms=…}
 * (medians, milliseconds), one field per function.
 */
public final class ColdStartBench {
    private ColdStartBench() {}

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Optional<Path> otherJars = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--runs" -> runs = positive(args[i + 1]);
                case "--jars" -> otherJars = Optional.of(Path.of(args[i + 1]));
                default -> usage("unknown flag " + args[i]);
            }
        }
        Path root = Path.of(System.getenv().getOrDefault("PULSE_ROOT", ".")).toAbsolutePath();
        Topology topology = PulseTopology.define();
        LocalSettings settings = LocalSettings.fromSystem();
        Path work = Files.createTempDirectory("pulse-coldstart");

        List<Subject> subjects = new ArrayList<>();
        for (FunctionSpec spec : topology.functions()) {
            Optional<Path> sample = event(root, topology, spec, work);
            if (sample.isEmpty()) {
                // A scheduled or queue-fed batch job: its first invocation runs a whole job on live data (retention
                // deletes indices), and nobody waits on its cold start. Only the interactive paths are measured.
                System.out.printf("%-9s skipped: a batch function (no route, no stream)%n", spec.name());
                continue;
            }
            Path event = sample.get();
            Map<String, String> env = LocalFunctions.environment(spec, settings);
            subjects.add(
                    new Subject(spec, "today", jar(root.resolve(spec.module()).resolve("target"), spec), event, env));
            if (otherJars.isPresent()) {
                subjects.add(new Subject(spec, otherJars.get().toString(), jar(otherJars.get(), spec), event, env));
            }
        }
        System.out.printf(
                "== cold start: %d runs per jar (+1 discarded warm-up), %s, load average %s ==%n",
                runs, machine(), MachineFacts.loadAverage());
        for (Subject s : subjects) {
            System.out.printf(
                    "%-9s %-40s %6.1f MB  %s%n", s.spec().name(), s.label(), Files.size(s.jar()) / 1e6, s.jar());
        }
        Map<Subject, List<ProbeRun.Timing>> timings = new LinkedHashMap<>();
        for (int run = 0; run <= runs; run++) {
            for (Subject s : subjects) {
                ProbeRun.Timing t = ProbeRun.once(
                        s.jar(), s.spec(), settings.functionArn(s.spec().name()), s.event(), s.env());
                if (run > 0) {
                    timings.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
                }
            }
        }
        System.out.printf(
                "%-9s %-40s %10s %10s %10s %10s%n", "function", "jar", "wall_p50", "wall_min", "init_p50", "first_p50");
        StringBuilder result = new StringBuilder("RESULT coldstart");
        for (var entry : timings.entrySet()) {
            Subject s = entry.getKey();
            List<ProbeRun.Timing> t = entry.getValue();
            double wall = ProbeRun.median(
                    t.stream().mapToDouble(ProbeRun.Timing::wallMs).toArray());
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %-40s %10.0f %10.0f %10.0f %10.0f%n",
                    s.spec().name(),
                    s.label(),
                    wall,
                    t.stream().mapToDouble(ProbeRun.Timing::wallMs).min().orElseThrow(),
                    ProbeRun.median(
                            t.stream().mapToDouble(ProbeRun.Timing::initMs).toArray()),
                    ProbeRun.median(
                            t.stream().mapToDouble(ProbeRun.Timing::invokeMs).toArray()));
            if (s.label().equals("today")) {
                result.append(String.format(Locale.ROOT, " %s_ms=%.0f", s.spec().name(), wall));
            }
        }
        System.out.println("load average after: " + MachineFacts.loadAverage());
        System.out.println(result);
    }

    /** One jar of one function, with the event and the environment it is started with. */
    private record Subject(FunctionSpec spec, String label, Path jar, Path event, Map<String, String> env) {}

    /**
     * A stream-mapped function gets the first record of the sample Kinesis batch; a routed one its route's GET; any
     * other none.
     */
    private static Optional<Path> event(Path root, Topology topology, FunctionSpec spec, Path work) throws IOException {
        Path file = work.resolve(spec.name() + ".json");
        boolean streamed =
                topology.streamMappings().stream().anyMatch(m -> m.function().equals(spec.name()));
        Optional<RouteSpec> route = topology.routes().stream()
                .filter(r -> r.function().equals(spec.name()))
                .findFirst();
        JsonNode sample;
        if (streamed) {
            ObjectNode batch = (ObjectNode) Json.mapper()
                    .readTree(root.resolve("events/ingest-kinesis.json").toFile());
            ArrayNode records = (ArrayNode) batch.get("Records");
            ArrayNode first = Json.mapper().createArrayNode().add(records.get(0));
            batch.set("Records", first);
            sample = batch;
        } else if (route.isPresent()) {
            ObjectNode get = (ObjectNode)
                    Json.mapper().readTree(root.resolve("events/http-get.json").toFile());
            get.put("rawPath", route.get().path());
            get.put("routeKey", route.get().routeKey());
            sample = get;
        } else {
            return Optional.empty();
        }
        Files.writeString(file, Json.mapper().writeValueAsString(sample));
        return Optional.of(file);
    }

    private static Path jar(Path dir, FunctionSpec spec) throws IOException {
        String prefix = "pulse-" + spec.name() + "-";
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith("-lambda.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no " + prefix + "*-lambda.jar in " + dir + "; build with ./pulse build"));
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + MachineFacts.cpuModel() + ", java "
                + System.getProperty("java.version");
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--runs needs a number from 1 to 100, was '" + value + "'");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("pulse: bench coldstart: " + problem);
        System.err.println("usage: ./pulse bench coldstart [--runs N] [--jars DIR]");
        System.exit(2);
    }
}
