package dev.pulse.cdk.config;

import dev.pulse.core.topology.Stage;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The two environments. Dev is the smallest thing that behaves like prod (one search node, one cache node; the
 * topology gives its stream one shard); prod is sized for 10,000 posts/s with headroom for live-broadcast bursts,
 * across three zones.
 */
public final class Environments {
    private Environments() {}

    public static EnvironmentConfig dev() {
        return new EnvironmentConfig(
                Stage.DEV,
                2,
                new SearchSize("t3.medium.search", 1, "m7g.large.search", 0, 20, 1),
                new CacheSize("cache.t4g.micro", 1),
                new ApiLimits("http://localhost:3000", 50, 100),
                new AlarmThresholds(300_000, 10, 10, 2_000, 10, 90, 90, 1_000, 5),
                RetentionDays.ONE_WEEK,
                false);
    }

    public static EnvironmentConfig prod() {
        return new EnvironmentConfig(
                Stage.PROD,
                3,
                new SearchSize("r7g.large.search", 3, "m7g.large.search", 3, 200, 3),
                new CacheSize("cache.r7g.large", 2),
                new ApiLimits("https://app.pulse.example", 2_000, 5_000),
                new AlarmThresholds(60_000, 5, 1, 500, 5, 80, 75, 100, 1),
                RetentionDays.ONE_MONTH,
                true);
    }
}
