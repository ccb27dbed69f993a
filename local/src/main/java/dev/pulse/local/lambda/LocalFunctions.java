package dev.pulse.local.lambda;

import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.Variables;
import dev.pulse.local.LocalSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The topology's functions, each built on first use with the environment Lambda would give it. */
public final class LocalFunctions implements AutoCloseable {
    private final Topology topology;
    private final LocalSettings settings;
    private final JsonLog log;
    private final Map<String, String> overrides;
    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();

    public LocalFunctions(Topology topology, LocalSettings settings, JsonLog log) {
        this(topology, settings, log, Map.of());
    }

    /**
     * Functions whose environment ends with {@code overrides}, so that tests and benchmarks run the topology's
     * functions unchanged on resources of their own (another stream's indices, a fault proxy's endpoint).
     */
    public LocalFunctions(Topology topology, LocalSettings settings, JsonLog log, Map<String, String> overrides) {
        this.topology = topology;
        this.settings = settings;
        this.log = log;
        this.overrides = Map.copyOf(overrides);
    }

    public Optional<LocalFunction> find(String name) {
        return topology.function(name).map(spec -> functions.computeIfAbsent(name, n -> create(spec)));
    }

    public LocalFunction require(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException("no function named " + name
                        + " in the topology; known: "
                        + topology.functions().stream().map(FunctionSpec::name).toList()));
    }

    private LocalFunction create(FunctionSpec spec) {
        FunctionIdentity identity =
                new FunctionIdentity(spec.name(), settings.functionArn(spec.name()), spec.memoryMb(), spec.timeout());
        Map<String, String> environment = environment(spec, settings);
        environment.putAll(overrides);
        return new LocalFunction(identity, spec.handler(), environment, settings.maxInstancesPerFunction(), log);
    }

    /**
     * What Lambda's environment would hold: the platform endpoints, Lambda's reserved variables, the topology's
     * Powertools settings, the function's own variables, and one variable per grant naming the resource (locally the
     * physical name is the logical name).
     */
    public static Map<String, String> environment(FunctionSpec spec, LocalSettings settings) {
        Map<String, String> env = new HashMap<>(settings.platform());
        env.put(Variables.Lambda.REGION, settings.region());
        env.put(Variables.Lambda.DEFAULT_REGION, settings.region());
        env.put(Variables.Lambda.FUNCTION_NAME, spec.name());
        env.put(Variables.Lambda.FUNCTION_VERSION, FunctionIdentity.VERSION);
        env.put(Variables.Lambda.FUNCTION_MEMORY_SIZE, Integer.toString(spec.memoryMb()));
        env.put(Variables.Lambda.LOG_GROUP_NAME, "/aws/lambda/" + spec.name());
        env.put(Variables.Lambda.LOG_FORMAT, "JSON");
        env.put(Variables.Lambda.EXECUTION_ENV, "AWS_Lambda_java25");
        env.put(Variables.Lambda.HANDLER, spec.handler());
        env.putAll(Observability.environment(spec));
        env.putAll(spec.environment());
        for (Access access : spec.access()) {
            env.put(access.environmentVariable(), access.resource());
        }
        return env;
    }

    @Override
    public void close() {
        functions.values().forEach(LocalFunction::close);
    }
}
