package dev.pulse.core.topology.search;

import java.util.Optional;

/**
 * One OpenSearch REST call of the bootstrap: method, path, an optional JSON body, and an optional guard path whose
 * existence ({@code HEAD} answering 200) means the call must be skipped.
 */
public record SearchCall(String method, String path, Optional<String> body, Optional<String> unless) {
    public SearchCall {
        if (!method.matches("PUT|POST")) {
            throw new IllegalArgumentException("a bootstrap call creates or updates (PUT or POST): " + method);
        }
        requirePath(path);
        unless.ifPresent(SearchCall::requirePath);
    }

    public static SearchCall put(String path, String body) {
        return new SearchCall("PUT", path, Optional.of(body), Optional.empty());
    }

    /** The same call, skipped when {@code guard} exists. */
    public SearchCall unless(String guard) {
        return new SearchCall(method, path, body, Optional.of(guard));
    }

    /** {@code {"method":…,"path":…,"body":{…},"unless":…}}, the body embedded as JSON, absent members left out. */
    public String toJson() {
        StringBuilder json = new StringBuilder()
                .append("{\"method\":")
                .append(JsonText.string(method))
                .append(",\"path\":")
                .append(JsonText.string(path));
        body.ifPresent(b -> json.append(",\"body\":").append(b));
        unless.ifPresent(u -> json.append(",\"unless\":").append(JsonText.string(u)));
        return json.append('}').toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    private static void requirePath(String path) {
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a call path starts with / and has no spaces: " + path);
        }
    }
}
