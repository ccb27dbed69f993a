package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.constructs.AccessGrants;
import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.Variables;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One topology function in a stack of its own, so that it ships alone ({@code ./pulse deploy --function NAME}): the
 * function, its grants, its triggers (stream and queue mappings, schedules) and, for an API function, its CodeDeploy
 * canary. Nothing in it is shared with another function's stack, so a change to one function's code changes only this
 * template. A function that a schedule invokes asynchronously sends its failed runs to the on-failure queue its
 * schedules name in the topology.
 */
public final class FunctionStack extends Stack {
    /** CDK context: the legacy application's base URL, which the legacy proxy forwards to. */
    public static final String LEGACY_BASE_URL_CONTEXT = "legacyBaseUrl";
    /** CDK context: Pulse's API URL (the Api stack's output), which the legacy proxy's adapters call. */
    public static final String PULSE_API_URL_CONTEXT = "pulseApiUrl";

    private final PulseFunction function;

    /** The stacks whose resources the function uses. */
    public record Dependencies(
            NetworkStack network,
            StreamStack streams,
            StorageStack storage,
            SearchStack search,
            CacheStack cache,
            AlertsStack alerts) {}

    /** The part of the stack's name after the environment, e.g. {@code Function-ingest} in Pulse-dev-Function-ingest. */
    public static String part(String function) {
        return "Function-" + function;
    }

    public FunctionStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            Topology topology,
            FunctionSpec spec,
            Code code,
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
        Optional<IQueue> failures =
                topology.asyncFailureQueue(spec.name()).map(queue -> Lookup.require(queues, queue, "queue"));
        function = new PulseFunction(
                this,
                spec,
                config,
                code,
                baseEnvironment(this, config, spec, deps),
                Placement.inVpc(spec)
                        ? Optional.of(new PulseFunction.VpcPlacement(
                                deps.network().vpc(),
                                deps.network().privateSubnets(),
                                deps.network().functionGroup(spec.name())))
                        : Optional.empty(),
                failures.map(q -> new SqsDestination(q)));
        for (Access access : spec.access()) {
            function.function().addEnvironment(access.environmentVariable(), grants.grant(access, function.function()));
        }
        new StreamMappings(this, topology, function, deps.streams(), queues);
        new QueueMappings(this, topology, function, queues);
        new Schedules(this, config, topology, function, queues);
        new Canaries(this, config, topology, function, deps.alerts().topic());
    }

    private static Map<String, ITable> tablesOf(Topology topology, StorageStack storage) {
        Map<String, ITable> tables = new HashMap<>();
        topology.tables().forEach(t -> tables.put(t.name(), storage.table(t.name())));
        return tables;
    }

    /** The topology's Powertools and Pulse settings every function shares, plus the endpoints of the VPC services it uses. */
    private static Map<String, String> baseEnvironment(
            Construct scope, EnvironmentConfig config, FunctionSpec spec, Dependencies deps) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Variables.Platform.PROFILE, Variables.Platform.PROFILE_AWS);
        env.put(Variables.Platform.ENVIRONMENT, config.name());
        env.putAll(Observability.environment(spec, config.stage()));
        env.putAll(spec.environment());
        if (Placement.uses(spec, Access.Kind.SEARCH)) {
            env.put(
                    Variables.OpenSearch.ENDPOINT,
                    "https://" + deps.search().domain().getDomainEndpoint());
            env.put(Variables.OpenSearch.SIGV4, "true");
        }
        if (spec.name().equals(PulseTopology.LEGACY_PROXY_FUNCTION)) {
            // The legacy base URL is configuration (context legacyBaseUrl); the new service is Pulse's own API,
            // whose URL the Api stack only knows after this one (context pulseApiUrl: its ApiUrl output).
            env.put(Variables.Legacy.BASE_URL, context(scope, LEGACY_BASE_URL_CONTEXT, "https://legacy.invalid"));
            env.put(Variables.Legacy.NEW_BASE_URL, context(scope, PULSE_API_URL_CONTEXT, "https://api.invalid"));
        }
        if (Placement.uses(spec, Access.Kind.CACHE)) {
            env.put(Variables.Redis.URL, deps.cache().redisUrl());
            env.put(Variables.Redis.AUTH_SECRET_ARN, deps.cache().authToken().getSecretArn());
        }
        return env;
    }

    private static String context(Construct scope, String key, String fallback) {
        Object value = scope.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    public PulseFunction function() {
        return function;
    }
}
