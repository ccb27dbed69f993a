package dev.pulse.core.topology;

import java.util.Locale;

/** Naming rules shared by every topology element, and the environment variables derived from names. */
final class Names {
    private Names() {}

    static void check(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("topology names are lower-case kebab-case: " + name);
        }
    }

    static String environmentVariable(Access.Kind kind, String resource) {
        return "PULSE_" + kind.name() + "_" + resource.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
