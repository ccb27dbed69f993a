package dev.pulse.accounts;

import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;

/** The tracked-reconcile function's settings, read once from the environment by {@link ReconcileWiring}. */
public record ReconcileConfig(
        String accountPagesTable,
        String trackedPagesTable,
        String accountsTable,
        int segments,
        String serviceName,
        String metricsNamespace) {

    public static final String ACCOUNT_PAGES =
            Access.reads(Access.Kind.TABLE, PulseTopology.ACCOUNT_PAGES_TABLE).environmentVariable();
    public static final String TRACKED_PAGES = Access.readsAndWrites(
                    Access.Kind.TABLE, PulseTopology.TRACKED_PAGES_TABLE)
            .environmentVariable();
    public static final String ACCOUNTS = Access.readsAndWrites(Access.Kind.TABLE, PulseTopology.ACCOUNTS_TABLE)
            .environmentVariable();
    public static final String SEGMENTS = Variables.Reconcile.SEGMENTS;

    public ReconcileConfig {
        if (segments < 1 || segments > 64) {
            throw new IllegalArgumentException(SEGMENTS + " must be 1-64, was " + segments);
        }
    }

    public static ReconcileConfig from(PulseConfig config) {
        var env = config.env();
        return new ReconcileConfig(
                config.required(ACCOUNT_PAGES),
                config.required(TRACKED_PAGES),
                config.required(ACCOUNTS),
                env.integer(SEGMENTS, 4),
                // Both are always set by the CDK and the local runtime; the defaults are the topology's own values.
                env.optional(Variables.Powertools.SERVICE_NAME, PulseTopology.TRACKED_RECONCILE_FUNCTION),
                env.optional(Variables.Powertools.METRICS_NAMESPACE, Observability.METRICS_NAMESPACE));
    }
}
