package dev.pulse.bench.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulse.bench.ingest.JsonLineFilter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./pulse bench tracked [--tracked N] [--warmup-posts N] [--posts N] [--pages N] [--shards N] [--batch N] [--rounds N] [--seed S]}:
 * ingest's handler-only posts/s with a million tracked pages in dynalite against the same set in memory. Prints
 * figures; asserts nothing. The last line is {@code RESULT tracked in_memory_posts_per_s=… dynamodb_posts_per_s=…
 * ingest_ratio_1m_tracked=… cold_ratio=…}: the ratio of the steady stretches, then of the cold ones.
 */
public final class TrackedLookupBench {
    private TrackedLookupBench() {}

    public static void main(String[] args) throws Exception {
        System.setOut(new PrintStream(new JsonLineFilter(new FileOutputStream(FileDescriptor.out)), true, UTF_8));
        Map<String, String> options = new HashMap<>(Map.of(
                "--tracked", "1000000",
                "--warmup-posts", "100000",
                "--posts", "400000",
                "--pages", "200000",
                "--shards", "2",
                "--batch", "100",
                "--rounds", "2",
                "--seed", "42"));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                usage("unknown flag or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        TrackedLookupPhase.Figures figures = new TrackedLookupPhase(new TrackedLookupPhase.Settings(
                        number(options, "--tracked"),
                        number(options, "--warmup-posts"),
                        number(options, "--posts"),
                        number(options, "--pages"),
                        number(options, "--shards"),
                        number(options, "--batch"),
                        number(options, "--rounds"),
                        number(options, "--seed")))
                .run();
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT tracked in_memory_posts_per_s=%.0f dynamodb_posts_per_s=%.0f ingest_ratio_1m_tracked=%.2f"
                        + " cold_ratio=%.2f",
                figures.inMemory(),
                figures.dynamo(),
                figures.ratio(),
                figures.coldRatio()));
    }

    /** A positive whole number; anything else ends the run with the flag named, before any work starts. */
    private static int number(Map<String, String> options, String flag) {
        String text = options.get(flag);
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(flag + " takes a positive whole number, was " + text);
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("bench tracked: " + problem);
        System.err.println(
                "usage: ./pulse bench tracked [--tracked N] [--warmup-posts N] [--posts N] [--pages N] [--shards N] [--batch N]"
                        + " [--rounds N] [--seed S]");
        System.exit(2);
    }
}
