package dev.pulse.cdk.stacks;

import dev.pulse.cdk.code.CodeProvider;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.constructs.AccessGrants;
import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.Topology;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Every topology function, with its grants, its triggers (stream mappings, schedules) and, for API functions, a
 * CodeDeploy canary. Functions invoked asynchronously by a schedule get a failure queue as on-failure destination.
 */
public final class FunctionsStack extends Stack {
    /** Read by core's RedisSettings to find the Redis AUTH token: the same constant, so the two cannot drift. */
    public static final String REDIS_AUTH_SECRET_ARN = RedisSettings.AUTH_SECRET_ARN;

    private final Map<String, PulseFunction> functions = new LinkedHashMap<>();
    private final Map<String, IQueue> asyncFailureQueues = new LinkedHashMap<>();

    /** The stacks whose resources the functions use. */
    public record Dependencies(
            NetworkStack network,
            StreamStack streams,
            StorageStack storage,
            SearchStack search,
            CacheStack cache,
            AlertsStack alerts) {}

    public FunctionsStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            Topology topology,
            CodeProvider code,
            Dependencies deps) {
        super(scope, id, props);
        Map<String, IQueue> queues = new HashMap<>(deps.storage().queues());
        AccessGrants grants = new AccessGrants(
                topology,
                deps.streams().streams(),
                tablesOf(topology, deps.storage()),
                queues,
                deps.search().domain(),
                deps.cache().authToken());
        for (FunctionSpec spec : topology.functions()) {
            Optional<IQueue> failures = scheduled(topology, spec)
                    ? Optional.of(StorageStack.queue(
                            this, config, spec.name() + "-failures", Duration.ofDays(14), Duration.ofSeconds(30)))
                    : Optional.empty();
            failures.ifPresent(q -> asyncFailureQueues.put(spec.name(), q));
            PulseFunction function = new PulseFunction(
                    this,
                    spec,
                    config,
                    code.codeFor(spec),
                    baseEnvironment(config, spec, deps),
                    Placement.inVpc(spec)
                            ? Optional.of(new PulseFunction.VpcPlacement(
                                    deps.network().vpc(),
                                    deps.network().privateSubnets(),
                                    deps.network().functionGroup(spec.name())))
                            : Optional.empty(),
                    failures.map(q -> new SqsDestination(q)));
            for (Access access : spec.access()) {
                function.function()
                        .addEnvironment(access.environmentVariable(), grants.grant(access, function.function()));
            }
            functions.put(spec.name(), function);
        }
        new StreamMappings(this, topology, functions, deps.streams(), queues);
        new Schedules(this, config, topology, functions, asyncFailureQueues);
        new Canaries(this, config, topology, functions, deps.alerts().topic());
    }

    private static Map<String, ITable> tablesOf(Topology topology, StorageStack storage) {
        Map<String, ITable> tables = new HashMap<>();
        topology.tables().forEach(t -> tables.put(t.name(), storage.table(t.name())));
        return tables;
    }

    private static boolean scheduled(Topology topology, FunctionSpec spec) {
        return topology.schedules().stream().map(ScheduleSpec::function).anyMatch(spec.name()::equals);
    }

    /** Powertools and Pulse settings every function shares, plus the endpoints of the VPC services it uses. */
    private static Map<String, String> baseEnvironment(EnvironmentConfig config, FunctionSpec spec, Dependencies deps) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PULSE_PROFILE", "aws");
        env.put("PULSE_ENVIRONMENT", config.name());
        env.put("POWERTOOLS_SERVICE_NAME", spec.name());
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Pulse");
        env.put("POWERTOOLS_LOG_LEVEL", config.protectData() ? "INFO" : "DEBUG");
        env.putAll(spec.environment());
        if (Placement.uses(spec, Access.Kind.SEARCH)) {
            env.put(
                    OpenSearchSettings.ENDPOINT,
                    "https://" + deps.search().domain().getDomainEndpoint());
            env.put(OpenSearchSettings.SIGV4, "true");
        }
        if (Placement.uses(spec, Access.Kind.CACHE)) {
            env.put(RedisSettings.URL, deps.cache().redisUrl());
            env.put(REDIS_AUTH_SECRET_ARN, deps.cache().authToken().getSecretArn());
        }
        return env;
    }

    public Map<String, PulseFunction> functions() {
        return Map.copyOf(functions);
    }

    public PulseFunction function(String name) {
        return Lookup.require(functions, name, "function");
    }

    /** The on-failure queues of scheduled (asynchronously invoked) functions, by function name. */
    public Map<String, IQueue> asyncFailureQueues() {
        return Map.copyOf(asyncFailureQueues);
    }
}
