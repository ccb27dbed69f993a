package dev.pulse.core.topology;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A deployed environment of Pulse, chosen by the CDK app's {@code env} context. The topology sizes some resources per
 * stage; the local platform is not a stage and uses the topology's local settings instead.
 */
public enum Stage {
    DEV,
    PROD;

    /** The lower-case name used in context values, physical names and stack names, e.g. {@code dev}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage with this id (any case); the error lists the stages there are. */
    public static Stage named(String id) {
        return Arrays.stream(values())
                .filter(stage -> stage.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown environment '" + id + "': use "
                        + Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(" or "))));
    }
}
