package dev.pulse.bench.web;

import dev.pulse.bench.mentions.BenchPages;
import dev.pulse.bench.mentions.MachineFacts;
import dev.pulse.bench.mentions.MentionsBench;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./pulse bench web [--pages 1000000] [--prefixes 500] [--warmup 100] [--reload] [--max-minutes 10]}: keystroke
 * to painted suggestions in a real browser. The mentions bench's index of {@code --pages} pages (reused when it is
 * already loaded), the mentions function behind the local runtime's HTTP API, which also serves the built web app,
 * and Debian's Chromium (through playwright-core) typing the keystroke sessions into the composer one key at a time.
 * Each figure is the composer's own {@code pulse:suggestions} performance measure: from the key going down to the
 * frame that shows the list. Prints figures; asserts nothing.
 */
public final class WebBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int size = Integer.parseInt(options.getOrDefault("pages", "1000000").replace("_", ""));
        int prefixes = Integer.parseInt(options.getOrDefault("prefixes", "500"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
        Duration limit = Duration.ofMinutes(Long.parseLong(options.getOrDefault("max-minutes", "10")));
        Path root = Path.of(System.getenv().getOrDefault("PULSE_ROOT", ".")).toAbsolutePath();
        Path work = Files.createDirectories(root.resolve("bench/target/web-bench"));

        Map<String, String> env = MentionsBench.localEnvironment();
        Map<String, String> adminEnv = new HashMap<>(env);
        adminEnv.put(Variables.OpenSearch.TIMEOUT_MS, "900000");
        var admin = OpenSearchClients.create(PulseConfig.fromEnv(adminEnv).openSearch());
        MachineFacts.print(admin, PulseConfig.fromEnv(env));
        System.out.println("browser: " + Browser.version());

        System.out.printf("%n== %,d pages ==%n", size);
        BenchPages pages = BenchPages.ensure(admin, size, options.containsKey("reload"));
        List<List<String>> measured = Browser.sessions(pages.keystrokes(prefixes, 11));
        List<List<String>> warm = Browser.sessions(pages.keystrokes(warmup, 23));
        System.out.printf(
                "keystrokes: %d measured in %d typing sessions (e.g. %s), after %d warm-up keystrokes%n",
                prefixes, measured.size(), measured.subList(0, Math.min(3, measured.size())), warmup);

        Path site = work.resolve("web-dist");
        Browser.buildWebApp(root, site);
        KeystrokeTimes times;
        try (BenchRuntime runtime = BenchRuntime.start(pages.alias(), site, work.resolve("runtime.log"))) {
            System.out.println("web app and API at " + runtime.base() + " (runtime log: " + runtime.log() + ")");
            System.out.println("load average before measuring: " + MachineFacts.loadAverage());
            times = new Browser(root, work).type(runtime.base(), warm, measured, limit);
            System.out.println("load average after measuring: " + MachineFacts.loadAverage());
        }
        times.print();
        if (times.all().count() == 0) {
            throw new IllegalStateException("no keystroke painted suggestions; see " + work.resolve("runtime.log"));
        }
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT web p50_keystroke_to_paint_ms=%.1f p95_keystroke_to_paint_ms=%.1f",
                times.all().percentileMs(50),
                times.all().percentileMs(95)));
        System.exit(0); // Lettuce and HttpClient threads are not daemons
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
