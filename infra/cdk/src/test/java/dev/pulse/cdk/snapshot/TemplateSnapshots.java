package dev.pulse.cdk.snapshot;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The committed, normalized templates of one environment ({@code snapshots/<env>/<stack>.json}): what volatile values
 * are replaced, how a synthesized template is compared with its snapshot, and the readable difference when not equal.
 */
public final class TemplateSnapshots {
    /** A content hash of an asset (function code, inline custom-resource code), with its file extension if any. */
    private static final Pattern ASSET_HASH = Pattern.compile("\\b[0-9a-f]{64}\\b");
    /** Lambda's published version is named after a hash of the function's configuration, code hash included. */
    private static final Pattern VERSION_ID = Pattern.compile("CurrentVersion[0-9A-F]{8}[0-9a-f]{32}");

    private static final int MAX_LINES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys sorted: CDK's order of some properties varies between synths, and a snapshot must not churn. */
    private static final ObjectWriter PRETTY = JSON.writer(
                    new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path directory;

    public TemplateSnapshots(Path root, String environment) {
        this.directory = root.resolve(environment);
    }

    /** The template with asset hashes, version IDs and CDK's path and asset metadata replaced by stable values. */
    public static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = e.getKey().toString();
                if (key.startsWith("aws:asset:") || key.equals("aws:cdk:path")) {
                    continue;
                }
                out.put(normalizeText(key), normalize(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TemplateSnapshots::normalize).toList();
        }
        if (value instanceof String text) {
            return normalizeText(text);
        }
        return value;
    }

    private static String normalizeText(String text) {
        return VERSION_ID
                .matcher(ASSET_HASH.matcher(text).replaceAll("<asset-hash>"))
                .replaceAll("CurrentVersion<hash>");
    }

    /** The snapshot of one stack, as JSON, if one is committed. */
    public Optional<Object> read(String stack) {
        Path file = file(stack);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stacks that have a snapshot file. */
    public List<String> stacks() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every snapshot of the environment with these normalized templates, removing stacks that went away. */
    public void write(Map<String, ? extends Object> templates) {
        try {
            Files.createDirectories(directory);
            for (String stale : stacks()) {
                if (!templates.containsKey(stale)) {
                    Files.delete(file(stale));
                }
            }
            for (Map.Entry<String, ? extends Object> t : templates.entrySet()) {
                Files.writeString(file(t.getKey()), PRETTY.writeValueAsString(normalize(t.getValue())) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String stack) {
        return directory.resolve(stack + ".json");
    }

    /**
     * Empty when the synthesized template, normalized, equals the snapshot; otherwise what differs, one JSON path a line
     * (at most 40), and how to accept an intended change.
     */
    public static Optional<String> compare(String stack, Object snapshot, Object synthesized) {
        List<String> lines = new ArrayList<>();
        diff("", snapshot, normalize(synthesized), lines);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(stack + " differs from its snapshot (" + lines.size() + " change"
                + (lines.size() == 1 ? "" : "s") + "):\n");
        lines.stream()
                .limit(MAX_LINES)
                .forEach(l -> message.append("  ").append(l).append('\n'));
        if (lines.size() > MAX_LINES) {
            message.append("  ... and ").append(lines.size() - MAX_LINES).append(" more\n");
        }
        message.append("If the change is intended, run ./pulse synth --update-snapshots and commit the snapshots.");
        return Optional.of(message.toString());
    }

    private static void diff(String path, Object expected, Object actual, List<String> lines) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            TreeSet<String> keys = new TreeSet<>();
            e.keySet().forEach(k -> keys.add(k.toString()));
            a.keySet().forEach(k -> keys.add(k.toString()));
            for (String key : keys) {
                String child = path.isEmpty() ? key : path + "." + key;
                if (!a.containsKey(key)) {
                    lines.add("- " + child + ": " + shortText(e.get(key)) + " (only in the snapshot)");
                } else if (!e.containsKey(key)) {
                    lines.add("+ " + child + ": " + shortText(a.get(key)) + " (new in the synthesized template)");
                } else {
                    diff(child, e.get(key), a.get(key), lines);
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                diff(path + "[" + i + "]", e.get(i), a.get(i), lines);
            }
        } else if (!sameValue(expected, actual)) {
            lines.add("~ " + path + ": snapshot " + shortText(expected) + ", synthesized " + shortText(actual));
        }
    }

    /** Jackson reads 1 as an Integer and CDK may hand over a Long or Double: numbers compare by value. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static String shortText(Object value) {
        String text;
        try {
            text = JSON.writeValueAsString(value);
        } catch (IOException e) {
            text = String.valueOf(value);
        }
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
