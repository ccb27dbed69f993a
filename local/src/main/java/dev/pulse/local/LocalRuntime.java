package dev.pulse.local;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.QueueMappingSpec;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.auth.DevKeys;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.bootstrap.LocalResources;
import dev.pulse.local.bootstrap.QueueResources;
import dev.pulse.local.bootstrap.SearchResources;
import dev.pulse.local.bootstrap.StreamResources;
import dev.pulse.local.bootstrap.TableResources;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.kinesis.FileCheckpointStore;
import dev.pulse.local.kinesis.MappingTuning;
import dev.pulse.local.kinesis.SqsFailureDestination;
import dev.pulse.local.kinesis.StreamPoller;
import dev.pulse.local.lambda.AsyncInvoker;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.local.schedule.ScheduledEventFactory;
import dev.pulse.local.schedule.Scheduler;
import dev.pulse.local.sqs.EmbeddedSqs;
import dev.pulse.local.sqs.QueuePoller;
import dev.pulse.local.sqs.SqsEventFactory;
import dev.pulse.local.web.WebApp;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./pulse run}: Pulse whole on this machine, from the topology. Starts ElasticMQ, creates the resources, then
 * serves the HTTP API, polls every mapped stream and queue and fires the schedules until SIGTERM or Ctrl-C, which stops each
 * part in reverse order.
 */
public final class LocalRuntime implements AutoCloseable {
    public static final String API_ID = "pulselocal";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final LocalSettings settings;
    private final JsonLog log;
    private int apiPort;

    public LocalRuntime(LocalSettings settings, JsonLog log) {
        this.settings = settings;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        LocalSettings settings = LocalSettings.fromSystem();
        LocalRuntime runtime = new LocalRuntime(settings, new JsonLog(System.out, settings.platformLogs()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }));
        try {
            runtime.start(PulseTopology.define());
        } catch (Exception e) {
            System.err.println("pulse: error: the local runtime could not start: " + e.getMessage());
            runtime.close();
            System.exit(1);
        }
        stopped.await();
    }

    public void start(Topology topology) throws Exception {
        PulseConfig config = PulseConfig.fromEnv(settings.platform());
        AwsClients aws = new AwsClients(config);
        // Dead letters are kept on disk, like SQS keeps them for 14 days, so a restart loses none.
        Files.createDirectories(settings.home().resolve("sqs"));
        EmbeddedSqs elasticMq = EmbeddedSqs.start(
                settings.sqsPort(),
                settings.region(),
                settings.accountId(),
                Optional.of(settings.home().resolve("sqs/elasticmq")));
        started.push(elasticMq);
        KinesisClient kinesis = aws.kinesis();
        SqsClient sqs = aws.sqs();
        started.push(kinesis);
        started.push(sqs);
        bootstrap(topology, config, aws, kinesis, sqs);

        LocalFunctions functions = new LocalFunctions(topology, settings, log);
        started.push(functions);
        HttpApiServer api = new HttpApiServer(
                new RouteTable(topology.routes()),
                functions,
                authorizer(),
                new HttpEventFactory(settings.accountId(), API_ID),
                log,
                web());
        apiPort = api.start(settings.apiPort());
        started.push(api);

        MappingTuning tuning = MappingTuning.from(settings);
        Files.createDirectories(settings.checkpoints());
        for (StreamMappingSpec mapping : topology.streamMappings()) {
            StreamPoller poller = new StreamPoller(
                    kinesis,
                    mapping.stream(),
                    mapping,
                    functions.require(mapping.function()),
                    FileCheckpointStore.forMapping(settings.checkpoints(), mapping.stream(), mapping.function()),
                    mapping.onFailureQueue() == null ? null : new SqsFailureDestination(sqs, mapping.onFailureQueue()),
                    settings,
                    tuning,
                    log,
                    Clock.systemUTC());
            poller.start();
            started.push(poller);
        }
        SqsEventFactory sqsEvents = new SqsEventFactory(settings.region(), settings.accountId());
        for (QueueMappingSpec mapping : topology.queueMappings()) {
            QueuePoller poller = new QueuePoller(
                    sqs, mapping.queue(), mapping, functions.require(mapping.function()), sqsEvents, tuning, log);
            poller.start();
            started.push(poller);
        }
        Scheduler scheduler = new Scheduler(
                topology.schedules(),
                new AsyncInvoker(
                        functions,
                        queue -> new SqsFailureDestination(sqs, queue),
                        AsyncInvoker.LAMBDA_RETRY_DELAYS,
                        log,
                        Clock.systemUTC()),
                new ScheduledEventFactory(settings.region(), settings.accountId()),
                log,
                Clock.systemUTC());
        scheduler.start();
        started.push(scheduler);
        printSummary(topology, elasticMq);
    }

    public int apiPort() {
        return apiPort;
    }

    private void bootstrap(
            Topology topology, PulseConfig config, AwsClients aws, KinesisClient kinesis, SqsClient sqs) {
        try (var dynamo = aws.dynamoDb()) {
            new LocalResources(
                            new StreamResources(kinesis, ""),
                            new TableResources(dynamo, ""),
                            new QueueResources(sqs, ""),
                            new SearchResources(OpenSearchClients.create(config.openSearch()), ""))
                    .ensure(topology, line -> log.runtime("INFO", line.strip()));
        } catch (RuntimeException e) {
            // The runtime still serves what it can; the failing server is named so `./pulse services up` can fix it.
            log.runtime("WARN", "resource bootstrap incomplete (is every local server up?): " + e.getMessage());
        }
    }

    private WebApp web() {
        WebApp web = WebApp.of(settings.webRoot(), settings.demoToken());
        if (web.site().isEmpty()) {
            log.runtime("WARN", "no web app built in " + settings.webRoot() + " (node web/build.mjs builds it)");
        }
        return web;
    }

    private Optional<JwtAuthorizer> authorizer() {
        if (!Files.isRegularFile(settings.jwtPublicKey())) {
            log.runtime(
                    "WARN",
                    "no dev JWT key at " + settings.jwtPublicKey()
                            + " (run ./pulse setup); authorized routes answer 401");
            return Optional.empty();
        }
        return Optional.of(new JwtAuthorizer(
                DevKeys.publicKey(settings.jwtPublicKey()), settings.jwtIssuer(), settings.jwtAudience()));
    }

    private void printSummary(Topology topology, EmbeddedSqs elasticMq) {
        String api = "http://127.0.0.1:" + apiPort;
        System.out.println("pulse: HTTP API      " + api);
        System.out.println("pulse: web app       " + api + "/");
        topology.routes()
                .forEach(r -> System.out.println("pulse:   " + r.method() + " " + api + r.path() + " -> " + r.function()
                        + (r.authorized()
                                ? " (JWT" + (r.scopes().isEmpty() ? "" : ", scopes " + r.scopes()) + ")"
                                : "")));
        System.out.println("pulse:   GET " + api + HttpApiServer.JWKS_PATH + " (the dev JWT key set)");
        System.out.println("pulse: SQS (ElasticMQ) " + elasticMq.endpoint());
        topology.streamMappings()
                .forEach(m -> System.out.println("pulse: polling stream " + m.stream() + " -> " + m.function()
                        + " (batch " + m.batchSize() + ")"));
        topology.queueMappings()
                .forEach(m -> System.out.println("pulse: polling queue " + m.queue() + " -> " + m.function()
                        + " (batch " + m.batchSize() + ", at most " + m.maximumConcurrency() + " at once)"));
        topology.schedules()
                .forEach(s -> System.out.println(
                        "pulse: schedule " + s.name() + " " + s.expression() + " -> " + s.function()));
        System.out.println("pulse: ready; Ctrl-C stops");
    }

    /** Stops in reverse start order: scheduler, pollers, HTTP API, functions, clients, ElasticMQ. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("pulse: warning: stopping " + part.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
