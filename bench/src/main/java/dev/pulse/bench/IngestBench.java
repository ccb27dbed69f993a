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
 * ceiling_posts_per_s=… pages_written=… pages_skipped=…}, the page counts those of the end-to-end phase.
 */
public final class IngestBench {
    private IngestBench() {}

    public static void main(String[] args) throws Exception {
        JsonLineFilter output = new JsonLineFilter(
                new FileOutputStream(FileDescriptor.out), IngestPhases.PAGES_WRITTEN, IngestPhases.PAGES_SKIPPED);
        System.setOut(new PrintStream(output, true, UTF_8));
        Map<String, String> options = new HashMap<>(Map.of(
                "--posts", "100000",
                "--naive-posts", "10000",
                "--pages", "50000",
                "--tracked-top", "500",
                "--shards", "2",
                "--batch", "100",
                "--seed", "42"));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                usage("unknown flag or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        IngestPhases.Settings settings = new IngestPhases.Settings(
                number(options, "--posts"),
                number(options, "--naive-posts"),
                number(options, "--pages"),
                number(options, "--tracked-top"),
                number(options, "--shards"),
                number(options, "--batch"),
                number(options, "--seed"));
        IngestPhases.Figures figures = new IngestPhases(settings, output).run();
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT ingest posts_per_s=%.0f handler_posts_per_s=%.0f naive_posts_per_s=%.0f ceiling_posts_per_s=%.0f"
                        + " pages_written=%d pages_skipped=%d",
                figures.endToEnd(),
                figures.handler(),
                figures.naive(),
                figures.ceiling(),
                figures.pagesWritten(),
                figures.pagesSkipped()));
    }

    /** A whole, non-negative number; anything else ends the run with the flag named, before any work starts. */
    private static int number(Map<String, String> options, String flag) {
        String text = options.get(flag);
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(flag + " takes a whole number, was " + text);
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("bench ingest: " + problem);
        System.err.println("usage: ./pulse bench ingest [--posts N] [--naive-posts N] [--pages N] [--tracked-top N]"
                + " [--shards N] [--batch N] [--seed S]");
        System.exit(2);
    }
}
