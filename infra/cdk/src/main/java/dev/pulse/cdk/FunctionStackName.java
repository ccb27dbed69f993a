package dev.pulse.cdk;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.stacks.FunctionStack;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./pulse deploy --function NAME}'s look-up: prints the stack that holds the topology function NAME in an
 * environment, or names the valid functions and exits 2.
 */
public final class FunctionStackName {
    private FunctionStackName() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FunctionStackName ENV FUNCTION");
            System.exit(2);
        }
        Optional<String> stack = resolve(PulseTopology.define(), EnvironmentConfig.named(args[0]), args[1]);
        if (stack.isEmpty()) {
            System.err.println(
                    "pulse: error: unknown function '" + args[1] + "'; valid names: " + names(PulseTopology.define()));
            System.exit(2);
        }
        System.out.println(stack.get());
    }

    /** The stack name of the function, if the topology declares it. */
    static Optional<String> resolve(Topology topology, EnvironmentConfig config, String function) {
        return topology.function(function).map(f -> config.stackName(FunctionStack.part(f.name())));
    }

    /** The topology's function names, in its order, comma-separated. */
    static String names(Topology topology) {
        return topology.functions().stream().map(FunctionSpec::name).collect(Collectors.joining(", "));
    }
}
