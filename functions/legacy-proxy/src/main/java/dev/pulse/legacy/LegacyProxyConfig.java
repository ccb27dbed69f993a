package dev.pulse.legacy;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
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
        Duration rollbackWindow,
        double rollbackErrorRate,
        int rollbackMinCalls,
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
        double rate = Double.parseDouble(env.optional(Variables.Legacy.ROLLBACK_ERROR_RATE, "0.2"));
        if (!(rate > 0 && rate < 1)) {
            throw new ConfigException(Variables.Legacy.ROLLBACK_ERROR_RATE, "must be between 0 and 1");
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
                env.millis(Variables.Legacy.ROLLBACK_WINDOW_MS, 60_000),
                rate,
                env.integer(Variables.Legacy.ROLLBACK_MIN_CALLS, 20),
                env.optional(Variables.Powertools.METRICS_NAMESPACE, Observability.METRICS_NAMESPACE));
    }
}
