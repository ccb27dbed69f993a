package dev.pulse.cdk.config;

import java.util.Locale;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that differs between dev and prod: sizes, counts, protection, thresholds, retention and the web origin.
 * The topology says what exists; this record says how big and how guarded it is in one environment.
 */
public record EnvironmentConfig(
        String name,
        int maxAzs,
        StreamCapacity stream,
        SearchSize search,
        CacheSize cache,
        ApiLimits api,
        AlarmThresholds alarms,
        RetentionDays logRetention,
        boolean protectData) {

    public EnvironmentConfig {
        if (!name.matches("[a-z][a-z0-9]{1,9}")) {
            throw new IllegalArgumentException("environment names are short lower-case words: " + name);
        }
        if (maxAzs < 2 || maxAzs > 3) {
            throw new IllegalArgumentException("maxAzs must be 2 or 3");
        }
    }

    /** Prefix for physical names, so dev and prod can share an account without clashing. */
    public String prefix() {
        return "pulse-" + name;
    }

    /** The CloudFormation stack name for one part of the platform, e.g. {@code Pulse-dev-Network}. */
    public String stackName(String part) {
        return "Pulse-" + name + "-" + part;
    }

    /** The environment named by the CDK context value {@code env} (dev when absent). */
    public static EnvironmentConfig named(String name) {
        return switch (name == null ? "dev" : name.toLowerCase(Locale.ROOT)) {
            case "dev" -> Environments.dev();
            case "prod" -> Environments.prod();
            default -> throw new IllegalArgumentException("unknown environment '" + name + "': use dev or prod");
        };
    }
}
