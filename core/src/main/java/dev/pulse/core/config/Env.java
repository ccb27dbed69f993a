package dev.pulse.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Read-only view of an environment map that fails fast, naming the variable that is missing or malformed. */
public final class Env {
    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    /**
     * The process environment (or, in the local runtime, the invoked function's own, see {@link FunctionEnvironment});
     * only composition roots call this.
     */
    public static Env system() {
        return new Env(FunctionEnvironment.current());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigException(name, "is not set"));
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public URI requiredUri(String name) {
        return toUri(name, required(name));
    }

    public Optional<URI> optionalUri(String name) {
        return optional(name).map(value -> toUri(name, value));
    }

    public int integer(String name, int fallback) {
        return optional(name).map(value -> parseInt(name, value)).orElse(fallback);
    }

    public Duration millis(String name, long fallbackMillis) {
        return Duration.ofMillis(
                optional(name).map(value -> (long) parseInt(name, value)).orElse(fallbackMillis));
    }

    public boolean flag(String name, boolean fallback) {
        return optional(name)
                .map(value -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no" -> false;
                    default -> throw new ConfigException(name, "must be true or false, was '" + value + "'");
                })
                .orElse(fallback);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be an integer, was '" + value + "'");
        }
    }

    private static URI toUri(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException(name, "must be an absolute URL, was '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, "must be a URL, was '" + value + "'");
        }
    }
}
