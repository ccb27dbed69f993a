package dev.pulse.cdk.stacks;

import dev.pulse.cdk.code.CodeProvider;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Every topology function, each in its own {@link FunctionStack}, looked up by the topology's function name. */
public final class Functions {
    private final Map<String, FunctionStack> stacks;

    private Functions(Map<String, FunctionStack> stacks) {
        this.stacks = stacks;
    }

    /** Builds one stack per function, named {@code Pulse-<env>-Function-<name>}; {@code props} describes one. */
    public static Functions build(
            Construct scope,
            EnvironmentConfig config,
            Topology topology,
            CodeProvider code,
            FunctionStack.Dependencies deps,
            Function<FunctionSpec, StackProps> props) {
        Map<String, FunctionStack> stacks = new LinkedHashMap<>();
        for (FunctionSpec spec : topology.functions()) {
            String name = config.stackName(FunctionStack.part(spec.name()));
            stacks.put(
                    spec.name(),
                    new FunctionStack(
                            scope, name, props.apply(spec), config, topology, spec, code.codeFor(spec), deps));
        }
        return new Functions(stacks);
    }

    /** The functions by name, in topology order. */
    public Map<String, PulseFunction> functions() {
        Map<String, PulseFunction> functions = new LinkedHashMap<>();
        stacks.forEach((name, stack) -> functions.put(name, stack.function()));
        return functions;
    }

    public PulseFunction function(String name) {
        return stack(name).function();
    }

    public FunctionStack stack(String name) {
        return Lookup.require(stacks, name, "function");
    }

    /** The function stacks, in topology order. */
    public List<FunctionStack> stacks() {
        return List.copyOf(stacks.values());
    }
}
