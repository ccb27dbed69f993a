package dev.pulse.tools.firehose;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The firehose command line: {@code --source sim|file:PATH|http:URL --rate N --duration D [--seed S] ...}. */
public record FirehoseOptions(
        String source,
        int rate,
        Duration duration,
        long seed,
        int pages,
        double poisonRate,
        String stream,
        int aggregateBytes,
        java.nio.file.Path deadLetter) {

    /** The producer's aggregate budget: the KPL's own default record size, 64 KiB. */
    public static final int DEFAULT_AGGREGATE_BYTES = 64 * 1024;

    private static final Set<String> KNOWN = Set.of(
            "--source",
            "--rate",
            "--duration",
            "--seed",
            "--pages",
            "--poison-rate",
            "--stream",
            "--aggregate-bytes",
            "--dead-letter");

    public FirehoseOptions {
        if (!source.equals("sim")
                && !source.startsWith("file:")
                && !source.startsWith("http:")
                && !source.startsWith("https:")) {
            throw new IllegalArgumentException("--source must be sim, file:PATH or http:URL, was " + source);
        }
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 post/s");
        }
        if (aggregateBytes < 256 || aggregateBytes > KinesisPublisher.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("--aggregate-bytes must be 256-" + KinesisPublisher.MAX_RECORD_BYTES);
        }
        if (pages < 1) {
            throw new IllegalArgumentException("--pages must be at least 1");
        }
        if (poisonRate < 0 || poisonRate > 1) {
            throw new IllegalArgumentException("--poison-rate must be within 0..1");
        }
    }

    public static FirehoseOptions parse(List<String> args, String defaultStream) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!KNOWN.contains(flag) || i + 1 >= args.size()) {
                throw new IllegalArgumentException("unknown flag or missing value: " + flag);
            }
            values.put(flag, args.get(++i));
        }
        return new FirehoseOptions(
                values.getOrDefault("--source", "sim"),
                number(values, "--rate", "1000", Integer::parseInt),
                duration(values.getOrDefault("--duration", "60s")),
                number(values, "--seed", "42", Long::parseLong),
                number(values, "--pages", "100000", Integer::parseInt),
                number(values, "--poison-rate", "0.001", Double::parseDouble),
                values.getOrDefault("--stream", defaultStream),
                number(values, "--aggregate-bytes", String.valueOf(DEFAULT_AGGREGATE_BYTES), Integer::parseInt),
                values.containsKey("--dead-letter")
                        ? java.nio.file.Path.of(values.get("--dead-letter"))
                        : DeadLetterFile.DEFAULT);
    }

    /** A numeric flag; a value that is no number is reported with its flag, not as a bare parse error. */
    private static <T> T number(Map<String, String> values, String flag, String fallback, Function<String, T> parse) {
        String text = values.getOrDefault(flag, fallback);
        try {
            return parse.apply(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, was " + text);
        }
    }

    /** {@code 90}, {@code 90s}, {@code 5m}, {@code 1h}, or {@code forever}. */
    static Duration duration(String text) {
        if (text.equals("forever")) {
            return Duration.ofDays(3650);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--duration takes 90, 90s, 5m, 1h or forever, was empty");
        }
        char unit = text.charAt(text.length() - 1);
        String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long amount;
        try {
            amount = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--duration takes 90, 90s, 5m, 1h or forever, was " + text);
        }
        if (amount < 1) {
            throw new IllegalArgumentException("--duration must be positive, was " + text);
        }
        return switch (unit) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 's' -> Duration.ofSeconds(amount);
            default -> {
                if (!Character.isDigit(unit)) {
                    throw new IllegalArgumentException("--duration takes 90, 90s, 5m, 1h or forever: " + text);
                }
                yield Duration.ofSeconds(amount);
            }
        };
    }

    public static String usage() {
        return "usage: firehose [--source sim|file:PATH|http:URL] [--rate POSTS_PER_S] [--duration 60s|5m|forever]"
                + " [--seed S] [--pages N] [--poison-rate F] [--stream NAME] [--aggregate-bytes N] [--dead-letter FILE]";
    }
}
