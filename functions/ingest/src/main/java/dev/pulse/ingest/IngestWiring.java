package dev.pulse.ingest;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.Variables;
import dev.pulse.ingest.adapter.cache.CachedTrackedPages;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackingChangeFeed;
import dev.pulse.ingest.adapter.opensearch.OpenSearchBulkSink;
import dev.pulse.ingest.adapter.powertools.PowertoolsIngestMetrics;
import dev.pulse.ingest.adapter.sqs.SqsQuarantine;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.IndexNames;
import dev.pulse.ingest.application.IngestMetrics;
import dev.pulse.ingest.application.IngestService;
import dev.pulse.ingest.application.WrittenPages;
import dev.pulse.ingest.domain.PostParser;
import java.time.Clock;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;

/** The ingest function's composition root: the only place that builds SDK and OpenSearch clients. */
public final class IngestWiring {
    private final IngestConfig config;
    private final IngestService service;

    private IngestWiring(IngestConfig config, IngestService service) {
        this.config = config;
        this.service = service;
    }

    /** The Lambda wiring, from the process environment. */
    public static IngestWiring fromEnvironment() {
        Env env = Env.system();
        var pulse = PulseConfig.fromEnv(env);
        // EMF picks its sink from the process environment; in the local runtime that is not the function's, and it
        // would fall back to a CloudWatch agent on TCP 25888. Metrics always go to stdout, as in Lambda.
        EnvironmentConfigurationProvider.getConfig()
                .setEnvironmentOverride(
                        env.optional(Variables.Lambda.FUNCTION_NAME).isPresent()
                                ? Environments.Lambda
                                : Environments.Local);
        var metrics = MetricsFactory.getMetricsInstance();
        IngestConfig config = IngestConfig.from(pulse);
        // Powertools reads both from the process environment, which in the local runtime is not the function's.
        metrics.setNamespace(config.metricsNamespace());
        metrics.setDefaultDimensions(DimensionSet.of("Service", config.serviceName()));
        return create(pulse, new PowertoolsIngestMetrics(metrics));
    }

    private static IngestWiring create(PulseConfig pulse, IngestMetrics metrics) {
        IngestConfig config = IngestConfig.from(pulse);
        AwsClients aws = new AwsClients(pulse);
        Clock clock = Clock.systemUTC();
        var search = new OpenSearchGenericClient(OpenSearchClients.transport(pulse.openSearch()));
        var tracked = new CachedTrackedPages(
                new DynamoTrackedPages(aws.dynamoDb(), config.trackedPagesTable()),
                new DynamoTrackingChangeFeed(aws.dynamoDb(), config.trackedPagesTable()),
                config.trackedPagesPoll(),
                config.trackedPagesTtl(),
                IngestConfig.TRACKED_CACHE_PAGES,
                clock);
        IngestService service = new IngestService(
                new PostParser(config.maxPostBytes(), clock),
                tracked,
                new OpenSearchBulkSink(search, config.maxBulkBytes(), Backoff.DEFAULT, clock),
                new SqsQuarantine(aws.sqs(), config.quarantineQueue()),
                metrics,
                new IndexNames(config.pagesIndex(), config.postsPrefix()),
                clock,
                new WrittenPages(config.pageWrites()));
        return new IngestWiring(config, service);
    }

    public IngestConfig config() {
        return config;
    }

    public IngestService service() {
        return service;
    }
}
