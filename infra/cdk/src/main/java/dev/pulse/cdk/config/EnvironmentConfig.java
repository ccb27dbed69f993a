package dev.pulse.cdk.config;

import dev.pulse.core.topology.Stage;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that differs between dev and prod: sizes, counts, protection, thresholds, retention and the web origin.
 * The topology says what exists (and how its streams are sized per stage); this record says how big and how guarded
 * the rest is in one stage.
 */
public record EnvironmentConfig(
        Stage stage,
        int maxAzs,
        SearchSize search,
        CacheSize cache,
        ApiLimits api,
        AlarmThresholds alarms,
        RetentionDays logRetention,
        boolean protectData) {

    public EnvironmentConfig {
        if (maxAzs < 2 || maxAzs > 3) {
            throw new IllegalArgumentException("maxAzs must be 2 or 3");
        }
    }

    /** The stage's short lower-case name, e.g. {@code dev}, as physical and stack names carry it. */
    public String name() {
        return stage.id();
    }

    /** Prefix for physical names, so dev and prod can share an account without clashing. */
    public String prefix() {
        return "pulse-" + name();
    }

    /** The CloudFormation stack name for one part of the platform, e.g. {@code Pulse-dev-Network}. */
    public String stackName(String part) {
        return "Pulse-" + name() + "-" + part;
    }

    /** The environment named by the CDK context value {@code env} (dev when absent). */
    public static EnvironmentConfig named(String name) {
        return of(name == null ? Stage.DEV : Stage.named(name));
    }

    public static EnvironmentConfig of(Stage stage) {
        return switch (stage) {
            case DEV -> Environments.dev();
            case PROD -> Environments.prod();
        };
    }
}
