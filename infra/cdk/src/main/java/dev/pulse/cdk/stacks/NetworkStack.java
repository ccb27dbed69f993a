package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC: private isolated subnets only (no NAT gateway, no internet route), gateway endpoints for DynamoDB and S3,
 * interface endpoints for the APIs the VPC functions call, and one security group per VPC function so that OpenSearch
 * and Redis can admit exactly the functions that use them, and each function may send only where it calls. The default security group is left unused rather than
 * restricted, because restricting it needs a custom-resource Lambda with no log retention of its own.
 */
public final class NetworkStack extends Stack {
    /**
     * A gateway endpoint has no security group, and CloudFormation cannot look up its prefix list's id, so the
     * traffic to DynamoDB or S3 is allowed as HTTPS to any address. The subnets have no route out but the gateway
     * endpoints, so that reaches DynamoDB and S3 only, and every service in the VPC still admits by security group.
     */
    static final String GATEWAY_EGRESS = "HTTPS to DynamoDB and S3 through their gateway endpoints";

    private final Vpc vpc;
    private final Map<String, ISecurityGroup> functionGroups = new LinkedHashMap<>();
    private final ISecurityGroup searchAdminGroup;

    public NetworkStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            Topology topology,
            List<String> zones) {
        super(scope, id, props);
        Vpc.Builder builder = Vpc.Builder.create(this, "Vpc");
        if (zones.isEmpty()) {
            builder.maxAzs(config.maxAzs());
        } else if (zones.size() != config.maxAzs()) {
            throw new IllegalArgumentException(
                    "environment " + config.name() + " spans " + config.maxAzs() + " zones, got " + zones);
        } else {
            builder.availabilityZones(zones);
        }
        vpc = builder.vpcName(config.prefix())
                .natGateways(0)
                .restrictDefaultSecurityGroup(false)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("private")
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .cidrMask(22)
                        .build()))
                .gatewayEndpoints(Map.of(
                        "DynamoDb",
                        GatewayVpcEndpointOptions.builder()
                                .service(GatewayVpcEndpointAwsService.DYNAMODB)
                                .build(),
                        "S3",
                        GatewayVpcEndpointOptions.builder()
                                .service(GatewayVpcEndpointAwsService.S3)
                                .build()))
                .build();
        Map<InterfaceVpcEndpointAwsService, InterfaceVpcEndpoint> endpoints = new LinkedHashMap<>();
        for (InterfaceVpcEndpointAwsService service : Placement.interfaceEndpoints(topology)) {
            // Not open to the whole VPC: each function that calls the API is let in below, and nothing leaves.
            SecurityGroup group = SecurityGroup.Builder.create(this, "Sg-endpoint-" + service.getShortName())
                    .vpc(vpc)
                    .description(
                            "Interface endpoint " + service.getShortName() + ": HTTPS from the functions that call it")
                    .allowAllOutbound(false)
                    .build();
            endpoints.put(
                    service,
                    vpc.addInterfaceEndpoint(
                            "Endpoint-" + service.getShortName(),
                            InterfaceVpcEndpointOptions.builder()
                                    .service(service)
                                    .privateDnsEnabled(true)
                                    .subnets(privateSubnets())
                                    .securityGroups(List.of(group))
                                    .open(false)
                                    .build()));
        }
        searchAdminGroup = SecurityGroup.Builder.create(this, "Sg-search-bootstrap")
                .vpc(vpc)
                .description("Search bootstrap: creates indices and security roles")
                .allowAllOutbound(false)
                .build();
        // Its answer to CloudFormation is a PUT to a pre-signed S3 URL, through the S3 gateway endpoint.
        searchAdminGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), GATEWAY_EGRESS);
        for (FunctionSpec function : Placement.vpcFunctions(topology)) {
            SecurityGroup group = SecurityGroup.Builder.create(this, "Sg-" + function.name())
                    .vpc(vpc)
                    .description("Lambda function " + function.name())
                    .allowAllOutbound(false)
                    .build();
            // Egress goes only where the function calls: its interface endpoints here, the domain and the cache
            // (their stacks add those rules), and DynamoDB through the gateway endpoint.
            for (InterfaceVpcEndpointAwsService service : Placement.interfaceEndpoints(function)) {
                group.getConnections()
                        .allowTo(
                                endpoints.get(service),
                                Port.tcp(443),
                                "HTTPS to the " + service.getShortName() + " endpoint");
            }
            if (Placement.uses(function, Access.Kind.TABLE)) {
                group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), GATEWAY_EGRESS);
            }
            functionGroups.put(function.name(), group);
        }
    }

    /** The security group of the search bootstrap function, which may reach OpenSearch as its master user. */
    public ISecurityGroup searchAdminGroup() {
        return searchAdminGroup;
    }

    public Vpc vpc() {
        return vpc;
    }

    public SubnetSelection privateSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    /** The security group of a VPC function, by topology name. */
    public ISecurityGroup functionGroup(String function) {
        ISecurityGroup group = functionGroups.get(function);
        if (group == null) {
            throw new IllegalArgumentException("function " + function + " does not run in the VPC");
        }
        return group;
    }

    public Map<String, ISecurityGroup> functionGroups() {
        return Map.copyOf(functionGroups);
    }
}
