package dev.pulse.cdk.stacks;

import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Topology;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;

/**
 * Decides which functions run inside the VPC and which interface endpoints they need. Only functions that reach
 * OpenSearch or Redis (both VPC-only) join the VPC: the rest stay outside, with no ENIs and no endpoint cost.
 */
public final class Placement {
    private Placement() {}

    public static boolean inVpc(FunctionSpec function) {
        return function.access().stream()
                .anyMatch(a -> a.kind() == Access.Kind.SEARCH || a.kind() == Access.Kind.CACHE);
    }

    public static List<FunctionSpec> vpcFunctions(Topology topology) {
        return topology.functions().stream().filter(Placement::inVpc).toList();
    }

    public static boolean uses(FunctionSpec function, Access.Kind kind) {
        return function.access().stream().anyMatch(a -> a.kind() == kind);
    }

    /**
     * The AWS APIs that VPC functions call themselves. DynamoDB and S3 use free gateway endpoints; Lambda ships logs
     * and polls Kinesis for event-source mappings outside the VPC, so those need no endpoint unless a function calls
     * the API directly.
     */
    public static Set<InterfaceVpcEndpointAwsService> interfaceEndpoints(Topology topology) {
        Set<InterfaceVpcEndpointAwsService> services = new LinkedHashSet<>();
        vpcFunctions(topology).forEach(function -> services.addAll(interfaceEndpoints(function)));
        return services;
    }

    /** The interface endpoints one VPC function calls, so its security group may reach those and no others. */
    public static Set<InterfaceVpcEndpointAwsService> interfaceEndpoints(FunctionSpec function) {
        Set<InterfaceVpcEndpointAwsService> services = new LinkedHashSet<>();
        for (Access access : function.access()) {
            switch (access.kind()) {
                case STREAM -> {
                    if (access.mode() != Access.Mode.READ) {
                        services.add(InterfaceVpcEndpointAwsService.KINESIS_STREAMS);
                    }
                }
                case QUEUE -> services.add(InterfaceVpcEndpointAwsService.SQS);
                case CACHE -> services.add(InterfaceVpcEndpointAwsService.SECRETS_MANAGER);
                case TABLE, SEARCH -> {}
            }
        }
        return services;
    }
}
