package dev.pulse.accounts;

import dev.pulse.accounts.adapter.dynamodb.DynamoTrackedSetTables;
import dev.pulse.accounts.adapter.powertools.PowertoolsReconcileMetrics;
import dev.pulse.accounts.application.ReconcileMetrics;
import dev.pulse.accounts.application.ReconcileService;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import java.time.Clock;
import java.util.Set;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;

/** The tracked-reconcile function's composition root: the only place that builds its clients. */
public final class ReconcileWiring {
    private final ReconcileService service;

    private ReconcileWiring(ReconcileService service) {
        this.service = service;
    }

    /** The Lambda wiring, from the process environment, publishing its figures through Powertools (EMF on stdout). */
    public static ReconcileWiring fromEnvironment() {
        Env env = Env.system();
        PulseConfig pulse = PulseConfig.fromEnv(env);
        ReconcileConfig config = ReconcileConfig.from(pulse);
        // As in ingest: EMF picks its sink from the process environment, which in the local runtime is not the
        // function's, and would fall back to a CloudWatch agent on TCP 25888. Metrics always go to stdout.
        EnvironmentConfigurationProvider.getConfig()
                .setEnvironmentOverride(
                        env.optional(Variables.Lambda.FUNCTION_NAME).isPresent()
                                ? Environments.Lambda
                                : Environments.Local);
        var metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(config.metricsNamespace());
        metrics.setDefaultDimensions(DimensionSet.of(Observability.SERVICE_DIMENSION, config.serviceName()));
        return from(pulse, new PowertoolsReconcileMetrics(metrics));
    }

    /** The wiring over the given platform, with the metrics sink a test or a tool chooses. */
    public static ReconcileWiring from(PulseConfig pulse, ReconcileMetrics metrics) {
        ReconcileConfig config = ReconcileConfig.from(pulse);
        return new ReconcileWiring(new ReconcileService(
                new DynamoTrackedSetTables(
                        new AwsClients(pulse).dynamoDb(),
                        config.accountPagesTable(),
                        config.trackedPagesTable(),
                        config.accountsTable(),
                        config.segments()),
                metrics,
                Set.of(PulseTopology.ADMIN_TRACKING_ACCOUNT),
                Clock.systemUTC()));
    }

    ReconcileService service() {
        return service;
    }

    /** The production handler over this wiring (Lambda uses the no-arg constructor). */
    public ReconcileHandler handler() {
        return new ReconcileHandler(service);
    }
}
