package dev.pulse.legacy.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a caller's v1 path and query can be forwarded as they are: an origin-form target (RFC 9112 3.2.1) that
 * starts with one {@code /}, has no dot segments (plain or percent-encoded), no fragment and no invalid escape, so
 * that appended to a backend's base it stays on that backend's host and under its path. Anything else is the caller's
 * mistake (a 400), never a reason to ask another host.
 */
public final class RequestTarget {
    private RequestTarget() {}

    /** Why {@code pathAndQuery} cannot be forwarded, or empty when it can. */
    public static Optional<String> problem(String path, String rawQuery) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return Optional.of("the path must start with a single /");
        }
        for (String segment : path.split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                return Optional.of("the path has a dot segment");
            }
        }
        try {
            URI uri = new URI("http://backend.invalid" + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
            if (uri.getRawFragment() != null || !"backend.invalid".equals(uri.getHost()) || uri.getPort() != -1) {
                return Optional.of("the target is not a path and a query");
            }
        } catch (URISyntaxException e) {
            return Optional.of("the path or query is not valid: " + e.getReason());
        }
        return Optional.empty();
    }
}
