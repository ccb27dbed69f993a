package dev.pulse.bench.coldstart;

import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.local.lambda.LocalContext;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts one probe JVM and reads its timings; the wall time runs from just before the process starts. */
final class ProbeRun {
    private static final Pattern LINE = Pattern.compile("PROBE init_ms=([0-9.]+) invoke_ms=([0-9.]+) response=(.*)");

    /** A probe's figures: wall time to the first response, and the probe's own split of it. */
    record Timing(double wallMs, double initMs, double invokeMs) {}

    private ProbeRun() {}

    static Timing once(Path jar, FunctionSpec spec, String arn, Path event, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Lambda's Java runtimes stop at C1 and use the serial collector; the heap follows the memory setting.
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xmx" + (spec.memoryMb() * 85 / 100) + "m",
                "-Daws.cborEnabled=false",
                "-cp",
                String.join(
                        File.pathSeparator,
                        jar.toString(),
                        classesOf(ColdStartProbe.class),
                        classesOf(LocalContext.class),
                        serializationJar()),
                ColdStartProbe.class.getName(),
                spec.handler(),
                event.toString(),
                spec.name(),
                arn,
                Integer.toString(spec.memoryMb()),
                Long.toString(spec.timeout().toSeconds())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env);
        // Metrics go to stdout as EMF lines, as in the local runtime, instead of looking for a CloudWatch agent.
        builder.environment().put("AWS_EMF_ENVIRONMENT", "Local");
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    double wall = (System.nanoTime() - start) / 1e6;
                    checkResponse(spec, m.group(3));
                    return new Timing(wall, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        throw new IllegalStateException(spec.name() + " probe ended without a response (exit " + process.exitValue()
                + "); run it by hand to see why: " + String.join(" ", command));
    }

    /** A cold start that ends in an error response measures nothing; say so instead of printing a figure. */
    private static void checkResponse(FunctionSpec spec, String response) {
        if (response.contains("statusCode=5") || response.contains("\"statusCode\":5")) {
            throw new IllegalStateException(spec.name() + " answered an error on its first request: " + response);
        }
    }

    /** The class folder (or jar) a class was loaded from. */
    private static String classesOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private static String serializationJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-serialization"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("aws-lambda-java-serialization is not on the class path"));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
