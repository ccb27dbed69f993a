package dev.pulse.legacy;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.legacy.application.RollbackGuard;
import java.net.URI;
import java.time.Duration;

/** The legacy proxy's settings, read once from the environment by {@link LegacyProxyWiring}. */
public record LegacyProxyConfig(
        URI legacyBase,
        URI newBase,
        String routesTable,
        String changesTable,
        String diffsTable,
        Duration legacyTimeout,
        Duration newTimeout,
        Duration modesTtl,
        int maxBodyBytes,
        RollbackGuard.Limits rollback,
        double verifySampleRate,
        String metricsNamespace) {

    public static final String ROUTES_TABLE =
            Access.readsAndWrites(Access.Kind.TABLE, PulseTopology.ROUTES_TABLE).environmentVariable();
    public static final String CHANGES_TABLE = Access.readsAndWrites(
                    Access.Kind.TABLE, PulseTopology.ROUTE_CHANGES_TABLE)
            .environmentVariable();
    public static final String DIFFS_TABLE = Access.readsAndWrites(Access.Kind.TABLE, PulseTopology.ROUTE_DIFFS_TABLE)
            .environmentVariable();

    public static LegacyProxyConfig from(PulseConfig config) {
        Env env = config.env();
        Duration ttl = env.millis(Variables.Legacy.MODES_TTL_MS, 5_000);
        if (ttl.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new ConfigException(
                    Variables.Legacy.MODES_TTL_MS, "must be at most 5000 (modes are seen within 5 s)");
        }
        double errorRate = fraction(env, Variables.Legacy.ROLLBACK_ERROR_RATE, "0.2", false);
        double diffRate = fraction(env, Variables.Legacy.ROLLBACK_DIFF_RATE, "0.2", false);
        double sampleRate = fraction(env, Variables.Legacy.VERIFY_SAMPLE_RATE, "0.1", true);
        int minCalls = env.integer(Variables.Legacy.ROLLBACK_MIN_CALLS, 20);
        int minComparisons = env.integer(Variables.Legacy.ROLLBACK_MIN_COMPARISONS, 20);
        if (minCalls < 1 || minComparisons < 1) {
            throw new ConfigException(
                    minCalls < 1 ? Variables.Legacy.ROLLBACK_MIN_CALLS : Variables.Legacy.ROLLBACK_MIN_COMPARISONS,
                    "must be at least 1");
        }
        return new LegacyProxyConfig(
                env.requiredUri(Variables.Legacy.BASE_URL),
                env.requiredUri(Variables.Legacy.NEW_BASE_URL),
                config.required(ROUTES_TABLE),
                config.required(CHANGES_TABLE),
                config.required(DIFFS_TABLE),
                env.millis(Variables.Legacy.LEGACY_TIMEOUT_MS, 3_000),
                env.millis(Variables.Legacy.NEW_TIMEOUT_MS, 1_000),
                ttl,
                env.integer(Variables.Legacy.MAX_BODY_BYTES, 1024 * 1024),
                new RollbackGuard.Limits(
                        env.millis(Variables.Legacy.ROLLBACK_WINDOW_MS, 60_000),
                        errorRate,
                        minCalls,
                        diffRate,
                        minComparisons),
                sampleRate,
                env.optional(Variables.Powertools.METRICS_NAMESPACE, Observability.METRICS_NAMESPACE));
    }

    /** A fraction strictly between 0 and 1, or also exactly 0 or 1 when {@code closed}. */
    private static double fraction(Env env, String name, String fallback, boolean closed) {
        double value;
        try {
            value = Double.parseDouble(env.optional(name, fallback));
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a number between 0 and 1");
        }
        boolean ok = closed ? value >= 0 && value <= 1 : value > 0 && value < 1;
        if (!ok) {
            throw new ConfigException(name, "must be between 0 and 1");
        }
        return value;
    }
}
