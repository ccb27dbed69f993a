package dev.pulse.core.testing;

import java.util.Locale;
import java.util.UUID;

/** Names that never collide between test runs, so tests can run twice and against servers already up. */
public final class Unique {
    private Unique() {}

    public static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
