package dev.pulse.core.topology.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads an index or index-template definition (settings and mappings, e.g. {@code opensearch/pages-v2.json}) from the
 * classpath as compact JSON text, optionally with the environment's replica count in place of the file's.
 */
public final class IndexDefinitions {
    private static final Pattern REPLICAS = Pattern.compile("\"number_of_replicas\":\\d+");

    private IndexDefinitions() {}

    /** The definition as declared. */
    public static String load(String resource) {
        try (InputStream in = IndexDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("index definition not found on the classpath: " + resource);
            }
            return JsonText.compact(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The definition with {@code number_of_replicas} set to {@code replicas}. Every definition declares it exactly
     * once (under {@code settings.index}, or {@code template.settings.index} for a template), so the replacement
     * cannot land anywhere else.
     */
    public static String load(String resource, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more: " + replicas);
        }
        String definition = load(resource);
        Matcher matcher = REPLICAS.matcher(definition);
        if (!matcher.find() || matcher.find()) {
            throw new IllegalStateException(resource + " must declare number_of_replicas exactly once");
        }
        return matcher.replaceFirst("\"number_of_replicas\":" + replicas);
    }
}
