package dev.pulse.reporting;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.reporting.adapter.dynamodb.DynamoAccountPages;
import dev.pulse.reporting.adapter.dynamodb.DynamoFlagStore;
import dev.pulse.reporting.adapter.dynamodb.DynamoRunCheckpoint;
import dev.pulse.reporting.adapter.dynamodb.DynamoSnapshotStore;
import dev.pulse.reporting.adapter.opensearch.OpenSearchIndexAdmin;
import dev.pulse.reporting.adapter.opensearch.OpenSearchPageFans;
import dev.pulse.reporting.adapter.opensearch.OpenSearchPostAnalytics;
import dev.pulse.reporting.adapter.opensearch.OpenSearchSearchPressure;
import dev.pulse.reporting.adapter.powertools.PowertoolsJobMetrics;
import dev.pulse.reporting.adapter.sqs.SqsDeadLetters;
import dev.pulse.reporting.adapter.sqs.SqsShardQueue;
import dev.pulse.reporting.application.Flags;
import dev.pulse.reporting.application.JobMetrics;
import dev.pulse.reporting.application.Pacer;
import dev.pulse.reporting.application.RetentionJob;
import dev.pulse.reporting.application.ShardQueue;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.application.SnapshotStore;
import dev.pulse.reporting.domain.RetentionPlan;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;

/** The reporting functions' composition root: the only place that builds SDK and OpenSearch clients. */
public final class ReportingWiring {
    private final ReportingConfig config;
    private final PulseConfig pulse;
    private final JobMetrics metrics;
    private final Clock clock;

    private ReportingWiring(ReportingConfig config, PulseConfig pulse, JobMetrics metrics, Clock clock) {
        this.config = config;
        this.pulse = pulse;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The Lambda wiring of {@code job}, from the process environment. */
    public static ReportingWiring fromEnvironment(String job) {
        Env env = Env.system();
        PulseConfig pulse = PulseConfig.fromEnv(env);
        ReportingConfig config = ReportingConfig.from(pulse, job);
        // As in ingest: EMF to stdout, and Powertools' namespace and service from the function's own environment.
        EnvironmentConfigurationProvider.getConfig()
                .setEnvironmentOverride(
                        env.optional(Variables.Lambda.FUNCTION_NAME).isPresent()
                                ? Environments.Lambda
                                : Environments.Local);
        var metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(config.metricsNamespace());
        metrics.setDefaultDimensions(DimensionSet.of("Service", config.serviceName()));
        return new ReportingWiring(config, pulse, new PowertoolsJobMetrics(metrics), Clock.systemUTC());
    }

    /** The wiring of {@code job} from a given configuration (tests, tools), without metrics. */
    public static ReportingWiring create(PulseConfig pulse, String job) {
        return new ReportingWiring(ReportingConfig.from(pulse, job), pulse, JobMetrics.NONE, Clock.systemUTC());
    }

    public ReportingConfig config() {
        return config;
    }

    public SnapshotJob snapshotJob() {
        return snapshotJob(UnaryOperator.identity());
    }

    /** The job with its snapshot store wrapped, for integration tests that inject one account's fault or a crash. */
    SnapshotJob snapshotJob(UnaryOperator<SnapshotStore> store) {
        AwsClients aws = new AwsClients(pulse);
        DynamoDbClient dynamo = aws.dynamoDb();
        OpenSearchGenericClient search = new OpenSearchGenericClient(OpenSearchClients.transport(pulse.openSearch()));
        var pressure = new OpenSearchSearchPressure(search);
        return new SnapshotJob(
                new DynamoAccountPages(dynamo, ReportingConfig.require(config.accountPagesTable(), "account pages")),
                new OpenSearchPostAnalytics(search, config.postsPrefix(), OpenSearchPostAnalytics.BUCKETS_PER_PAGE),
                new OpenSearchPageFans(search, ReportingConfig.require(config.pagesAlias(), "pages alias")),
                store.apply(new DynamoSnapshotStore(
                        dynamo, ReportingConfig.require(config.reportsTable(), PulseTopology.REPORTS_TABLE))),
                new DynamoRunCheckpoint(dynamo, ReportingConfig.require(config.reportRunsTable(), "report runs")),
                new SqsDeadLetters(aws.sqs(), ReportingConfig.require(config.failureQueue(), "failure queue")),
                flags(dynamo),
                flags -> new Pacer(flags.pace(), config.latencyTarget(), pressure, clock, Thread::sleep),
                metrics,
                clock);
    }

    /** The job's shard queue, when the topology fans it out. */
    public Optional<ShardQueue> shardQueue() {
        return config.shardQueue().map(queue -> new SqsShardQueue(new AwsClients(pulse).sqs(), queue));
    }

    public RetentionJob retentionJob() {
        OpenSearchGenericClient search = new OpenSearchGenericClient(OpenSearchClients.transport(pulse.openSearch()));
        return new RetentionJob(
                new OpenSearchIndexAdmin(search),
                new RetentionPlan(config.postsPrefix(), config.retentionDays()),
                flags(new AwsClients(pulse).dynamoDb()),
                metrics,
                clock);
    }

    private Flags flags(DynamoDbClient dynamo) {
        return new Flags(new DynamoFlagStore(dynamo, config.flagsTable()), config.job(), config.flagsTtl(), clock);
    }
}
