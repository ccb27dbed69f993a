package dev.pulse.legacy.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The v1 routes that have a new-service adapter, so they can move. Any other v1 path is always forwarded to legacy.
 * Every v1 answer carries a {@code server_time} (a timestamp) and errors an {@code error_message} (prose for people):
 * both ignored. Its {@code request_id} is left to the noise the
 * shadow comparison learns, which is how a field nobody listed is kept out of the differences.
 */
public final class LegacyRoutes {
    public static final String PAGES_SEARCH = "pages-search";
    public static final String ACCOUNT = "account";
    public static final String HOURLY_REPORTS = "reports-hourly";

    private static final Set<String> STAMPS = Set.of("server_time", "error_message");

    public static final List<LegacyRoute> ALL = List.of(
            new LegacyRoute(PAGES_SEARCH, "GET", "/api/v1/pages/search", STAMPS, Set.of()),
            new LegacyRoute(ACCOUNT, "GET", "/api/v1/account", STAMPS, Set.of()),
            new LegacyRoute(HOURLY_REPORTS, "GET", "/api/v1/reports/hourly", STAMPS, Set.of()));

    private LegacyRoutes() {}

    /** The movable route serving {@code method path}, if there is one. */
    public static Optional<LegacyRoute> match(String method, String path) {
        return ALL.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .findFirst();
    }

    /** The route of that name. */
    public static Optional<LegacyRoute> named(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
