package dev.pulse.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulse.bench.ingest.IngestPhases;
import dev.pulse.bench.ingest.JsonLineFilter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./pulse bench ingest [--posts N] [--naive-posts N] [--pages N] [--tracked-top N] [--shards N] [--batch N]
 * [--seed S]}: end-to-end, handler-only, naive and ceiling posts/s from one run. Prints figures; asserts nothing.
 * The last line is {@code RESULT ingest posts_per_s=… handler_posts_per_s=… naive_posts_per_s=…
 * ceiling_posts_per_s=…}.
 */
public final class IngestBench {
    private IngestBench() {}

    public static void main(String[] args) throws Exception {
        System.setOut(new PrintStream(new JsonLineFilter(new FileOutputStream(FileDescriptor.out)), true, UTF_8));
        Map<String, String> options = new HashMap<>(Map.of(
                "--posts", "100000",
                "--naive-posts", "10000",
                "--pages", "50000",
                "--tracked-top", "500",
                "--shards", "2",
                "--batch", "100",
                "--seed", "42"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("bench ingest: unknown flag " + args[i]);
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        IngestPhases.Settings settings = new IngestPhases.Settings(
                Integer.parseInt(options.get("--posts")),
                Integer.parseInt(options.get("--naive-posts")),
                Integer.parseInt(options.get("--pages")),
                Integer.parseInt(options.get("--tracked-top")),
                Integer.parseInt(options.get("--shards")),
                Integer.parseInt(options.get("--batch")),
                Long.parseLong(options.get("--seed")));
        IngestPhases.Figures figures = new IngestPhases(settings).run();
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT ingest posts_per_s=%.0f handler_posts_per_s=%.0f naive_posts_per_s=%.0f ceiling_posts_per_s=%.0f",
                figures.endToEnd(),
                figures.handler(),
                figures.naive(),
                figures.ceiling()));
    }
}
