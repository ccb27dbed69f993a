package dev.pulse.bench.http;

import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalRuntime;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./pulse bench http}: the HTTP API emulator (payload 2.0 event, Lambda serializers, context, timeout) in front
 * of a trivial handler, loaded with wrk. Prints wrk's report, then {@code RESULT http rps=… p50_ms=… p99_ms=…}.
 */
public final class HttpBench {
    public static void main(String[] args) throws Exception {
        int connections = 32;
        try {
            connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        } catch (NumberFormatException e) {
            connections = 0;
        }
        String duration = args.length > 1 ? args[1] : "20s";
        // wrk runs for a bounded time only: a number of seconds, minutes or hours.
        if (connections < 1 || !duration.matches("\\d+[smh]?")) {
            System.err.println("bench http: usage: ./pulse bench http [CONNECTIONS] [DURATION like 20s]");
            System.exit(2);
        }
        Topology topology = new Topology(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new FunctionSpec(
                        "ping", "bench", PingHandler.class.getName(), 256, Duration.ofSeconds(5), Map.of(), List.of())),
                List.of(new RouteSpec("GET", "/ping", "ping", false)),
                List.of(),
                List.of());
        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), false);
        LocalSettings settings = LocalSettings.fromEnvironment(Map.of("PULSE_LOCAL_MAX_INSTANCES", "64"));
        try (LocalFunctions functions = new LocalFunctions(topology, settings, quiet);
                HttpApiServer server = new HttpApiServer(
                        new RouteTable(topology.routes()),
                        functions,
                        Optional.empty(),
                        new HttpEventFactory(settings.accountId(), LocalRuntime.API_ID),
                        quiet)) {
            String url = "http://127.0.0.1:" + server.start(0) + "/ping";
            wrk(url, connections, "5s", false); // warm-up: JIT and handler instances
            String report = wrk(url, connections, duration, true);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("java.vm.name") + " " + Runtime.version() + "; wrk -t2 -c" + connections
                    + " -d" + duration + " GET /ping (trivial handler)");
            System.out.printf(
                    "RESULT http rps=%s p50_ms=%s p99_ms=%s%n",
                    find(report, "Requests/sec:\\s+([\\d.]+)"), millis(report, "50%"), millis(report, "99%"));
        }
    }

    private static String wrk(String url, int connections, String duration, boolean print) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration, "--latency", url)
                .redirectErrorStream(true)
                .start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            reader.lines().forEach(line -> {
                out.append(line).append('\n');
                if (print) {
                    System.out.println(line);
                }
            });
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is it installed? ./pulse setup installs it):\n" + out);
        }
        return out.toString();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "nan";
    }

    /** wrk prints latencies like 812.00us, 1.20ms or 1.01s; RESULT wants milliseconds. */
    private static String millis(String report, String percentile) {
        Matcher m =
                Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(report);
        if (!m.find()) {
            return "nan";
        }
        double value = Double.parseDouble(m.group(1));
        double ms = switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        return String.format("%.2f", ms);
    }
}
