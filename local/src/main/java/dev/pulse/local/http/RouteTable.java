package dev.pulse.local.http;

import dev.pulse.core.topology.RouteSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches requests to HTTP API routes the way API Gateway does: {@code {name}} captures one segment, {@code {name+}}
 * the rest of the path; the most specific route wins (more literal segments, then a method over {@code ANY}).
 */
public final class RouteTable {
    private final List<RouteSpec> routes;

    public RouteTable(List<RouteSpec> routes) {
        this.routes = List.copyOf(routes);
    }

    /** A matched route and its path parameters (decoded). */
    public record Match(RouteSpec route, Map<String, String> pathParameters) {}

    public Optional<Match> match(String method, String rawPath) {
        String[] path = segments(rawPath);
        return routes.stream()
                .filter(r -> r.method().equals("ANY") || r.method().equals(method))
                .map(r -> matchRoute(r, path))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt((Match m) -> literalSegments(m.route()))
                        .thenComparingInt(m -> greedy(m.route()) ? 0 : 1)
                        .thenComparingInt(m -> m.route().method().equals("ANY") ? 0 : 1));
    }

    private static Optional<Match> matchRoute(RouteSpec route, String[] path) {
        String[] pattern = segments(route.path());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String part = pattern[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= path.length) {
                    return Optional.empty();
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(path, i, path.length));
                parameters.put(part.substring(1, part.length() - 2), decode(rest));
                return Optional.of(new Match(route, parameters));
            }
            if (i >= path.length) {
                return Optional.empty();
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), decode(path[i]));
            } else if (!part.equals(path[i])) {
                return Optional.empty();
            }
        }
        return pattern.length == path.length ? Optional.of(new Match(route, parameters)) : Optional.empty();
    }

    private static int literalSegments(RouteSpec route) {
        int count = 0;
        for (String part : segments(route.path())) {
            if (!part.startsWith("{")) {
                count++;
            }
        }
        return count;
    }

    private static boolean greedy(RouteSpec route) {
        return route.path().contains("+}");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /**
     * Whether every '%' starts a two-hex-digit escape. API Gateway answers 400 to a malformed escape (observed in
     * adamchainz/apig-wsgi#102 and ustayready/fireprox#27) rather than guessing what the client meant.
     */
    static boolean wellEncoded(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 3)) {
            if (i + 2 >= raw.length()
                    || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static String decode(String value) {
        // Percent-decoding only: API Gateway keeps '+' as is in paths and query strings.
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
