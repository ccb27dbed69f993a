package dev.pulse.legacy;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.legacy.adapter.dynamodb.DynamoDiffSamples;
import dev.pulse.legacy.adapter.dynamodb.DynamoRouteModes;
import dev.pulse.legacy.adapter.http.JdkHttpBackend;
import dev.pulse.legacy.adapter.http.PulseApiAdapters;
import dev.pulse.legacy.adapter.metrics.EmfProxyMetrics;
import dev.pulse.legacy.application.CachedRouteModes;
import dev.pulse.legacy.application.ProxyService;
import dev.pulse.legacy.application.RollbackGuard;
import dev.pulse.legacy.application.ShadowComparer;
import dev.pulse.legacy.domain.NoiseModel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The composition root: the only place that builds clients. Runs once per Lambda instance (or per test). */
public final class LegacyProxyWiring {
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    static final Duration STALE_MARGIN = Duration.ofSeconds(1);

    private final ProxyService service;
    private final EmfProxyMetrics metrics;

    private LegacyProxyWiring(PulseConfig pulse, LegacyProxyConfig config) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = new AwsClients(pulse).dynamoDb();
        metrics =
                new EmfProxyMetrics(config.metricsNamespace(), PulseTopology.LEGACY_PROXY_FUNCTION, System.out, clock);
        CachedRouteModes modes = new CachedRouteModes(
                new DynamoRouteModes(dynamo, config.routesTable(), config.changesTable()), config.modesTtl(), clock);
        service = new ProxyService(
                modes,
                new JdkHttpBackend(config.legacyBase(), CONNECT_TIMEOUT, config.maxBodyBytes()),
                new PulseApiAdapters(
                        new JdkHttpBackend(config.newBase(), CONNECT_TIMEOUT, config.maxBodyBytes()),
                        config.newTimeout(),
                        clock),
                new ShadowComparer(
                        new NoiseModel(), new DynamoDiffSamples(dynamo, config.diffsTable()), metrics, clock),
                new RollbackGuard(modes, metrics, clock, config.rollback()),
                metrics,
                Executors.newVirtualThreadPerTaskExecutor(),
                config.legacyTimeout(),
                config.maxBodyBytes(),
                sample(config.verifySampleRate()),
                clock,
                // the longest honest comparison: legacy twice and the new service, each at its timeout, and a margin
                config.legacyTimeout().multipliedBy(2).plus(config.newTimeout()).plus(STALE_MARGIN));
    }

    /** Whether to compare this answer with legacy's: a coin of the configured weight (never at 0, always at 1). */
    static BooleanSupplier sample(double rate) {
        return () -> rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    public static LegacyProxyWiring fromEnvironment() {
        return from(PulseConfig.fromEnv(Env.system()));
    }

    public static LegacyProxyWiring from(PulseConfig config) {
        return new LegacyProxyWiring(config, LegacyProxyConfig.from(config));
    }

    public ProxyService service() {
        return service;
    }

    public EmfProxyMetrics metrics() {
        return metrics;
    }
}
