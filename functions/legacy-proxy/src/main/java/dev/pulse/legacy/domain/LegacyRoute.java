package dev.pulse.legacy.domain;

import java.util.Set;

/**
 * A v1 route the proxy can move: its name (the key of the routes table), method and v1 path, and the comparison's
 * ignore rules: fields whose value never counts ({@code server_time}) and arrays whose order does not.
 */
public record LegacyRoute(String name, String method, String path, Set<String> ignoredFields, Set<String> unordered) {
    public LegacyRoute {
        if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("a route name is lower-case letters, digits and dashes: " + name);
        }
        ignoredFields = Set.copyOf(ignoredFields);
        unordered = Set.copyOf(unordered);
    }
}
