package dev.pulse.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser side of the web bench: builds the web app, and runs {@code bench/src/main/node/keystroke-to-paint.mjs},
 * which drives Debian's Chromium through playwright-core (as the web app's browser tests do) and writes the composer's
 * own measures to a JSON file.
 */
final class Browser {
    private static final String CHROMIUM = System.getenv().getOrDefault("PULSE_CHROMIUM", "/usr/bin/chromium");
    private final Path root;
    private final Path work;

    Browser(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    /** The Chromium build that will be driven, as it reports itself. */
    static String version() {
        try {
            Process process = new ProcessBuilder(CHROMIUM, "--version")
                    .redirectErrorStream(true)
                    .start();
            // Debian's wrapper script may print a shell warning first; the version is the last line.
            String out = new String(process.getInputStream().readAllBytes())
                    .strip()
                    .lines()
                    .reduce((first, last) -> last)
                    .orElse("");
            process.waitFor(30, TimeUnit.SECONDS);
            return out + " (" + CHROMIUM + ", headless)";
        } catch (IOException e) {
            return "no " + CHROMIUM + " (./pulse setup installs it)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Keystroke queries grouped into typing sessions: a session goes on while each query adds one character. */
    static List<List<String>> sessions(List<String> keystrokes) {
        List<List<String>> sessions = new ArrayList<>();
        String previous = null;
        for (String query : keystrokes) {
            boolean continues = previous != null
                    && query.startsWith(previous)
                    && query.codePointCount(0, query.length()) == previous.codePointCount(0, previous.length()) + 1;
            if (!continues) {
                sessions.add(new ArrayList<>());
            }
            sessions.getLast().add(query);
            previous = query;
        }
        return sessions;
    }

    /** {@code node web/build.mjs --out site}: the app as the runtime serves it. */
    static void buildWebApp(Path root, Path site) throws Exception {
        run(
                new ProcessBuilder("node", root.resolve("web/build.mjs").toString(), "--out", site.toString())
                        .directory(root.toFile())
                        .inheritIO(),
                Duration.ofMinutes(2));
    }

    /** Types the warm-up sessions, then the measured ones, into the composer at {@code base}; the measures read. */
    KeystrokeTimes type(String base, List<List<String>> warmup, List<List<String>> measured, Duration limit)
            throws Exception {
        Path input = work.resolve("keystrokes.json");
        Path output = work.resolve("measures.json");
        Files.deleteIfExists(output);
        Files.writeString(
                input,
                Json.write(Map.of(
                        "url", base,
                        "warmup", warmup,
                        "sessions", measured,
                        "keystrokeTimeoutMs", 5_000,
                        "maxMillis", limit.toMillis())));
        ProcessBuilder node = new ProcessBuilder(
                        "node",
                        root.resolve("bench/src/main/node/keystroke-to-paint.mjs")
                                .toString(),
                        input.toString(),
                        output.toString())
                .directory(root.toFile())
                .inheritIO();
        node.environment().put("PULSE_CHROMIUM", CHROMIUM);
        run(node, limit.plusMinutes(1));
        JsonNode measures = Json.read(Files.readString(output), JsonNode.class);
        return KeystrokeTimes.from(measures);
    }

    private static void run(ProcessBuilder command, Duration timeout) throws Exception {
        Process process = command.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.command() + " did not finish within " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.command() + " exited with " + process.exitValue());
        }
    }
}
