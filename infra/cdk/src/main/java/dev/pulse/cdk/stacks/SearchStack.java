package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.config.SearchSize;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.CompositePrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.opensearchservice.AdvancedSecurityOptions;
import software.amazon.awscdk.services.opensearchservice.CapacityConfig;
import software.amazon.awscdk.services.opensearchservice.Domain;
import software.amazon.awscdk.services.opensearchservice.EbsOptions;
import software.amazon.awscdk.services.opensearchservice.EncryptionAtRestOptions;
import software.amazon.awscdk.services.opensearchservice.EngineVersion;
import software.amazon.awscdk.services.opensearchservice.TLSSecurityPolicy;
import software.amazon.awscdk.services.opensearchservice.ZoneAwarenessConfig;
import software.constructs.Construct;

/**
 * The OpenSearch Service domain: engine 3.x, inside the VPC, encrypted at rest and node to node, HTTPS only, with
 * fine-grained access control whose master user is an IAM role. There is no resource access policy: functions get
 * identity policies through {@code grantIndex*}, and only their security groups may open a connection.
 */
public final class SearchStack extends Stack {
    /** The newest 3.x engine that aws-cdk-lib 2.263.0 names; the local platform runs 3.8. */
    public static final EngineVersion ENGINE = EngineVersion.OPENSEARCH_3_5;

    private final Domain domain;
    private final Role masterRole;

    public SearchStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            Topology topology,
            NetworkStack network,
            List<String> admins) {
        super(scope, id, props);
        SearchSize size = config.search();
        SecurityGroup group = SecurityGroup.Builder.create(this, "DomainSg")
                .vpc(network.vpc())
                .description("OpenSearch domain: HTTPS from the functions that search")
                .allowAllOutbound(false)
                .build();
        for (FunctionSpec function : topology.functions()) {
            if (Placement.uses(function, Access.Kind.SEARCH)) {
                group.addIngressRule(
                        network.functionGroup(function.name()), Port.tcp(443), "HTTPS from " + function.name());
                // remote rule: the egress lives in this stack, so the network stack does not depend on it
                network.functionGroup(function.name()).addEgressRule(group, Port.tcp(443), "HTTPS to OpenSearch", true);
            }
        }
        group.addIngressRule(network.searchAdminGroup(), Port.tcp(443), "HTTPS from the search bootstrap");
        network.searchAdminGroup().addEgressRule(group, Port.tcp(443), "HTTPS to OpenSearch", true);
        // The bootstrap function runs as it (see SearchBootstrapStack); the operators' roles named in the searchAdmins
        // context may assume it to administer the domain. Not the whole account: any principal of it with
        // sts:AssumeRole on * would otherwise become the domain's master user.
        List<IPrincipal> trusted = new ArrayList<>();
        trusted.add(new ServicePrincipal("lambda.amazonaws.com"));
        admins.forEach(arn -> trusted.add(new ArnPrincipal(arn)));
        masterRole = Role.Builder.create(this, "SearchAdminRole")
                .roleName(config.prefix() + "-search-admin")
                .description("Fine-grained access master user: maps function roles to OpenSearch roles")
                .assumedBy(new CompositePrincipal(trusted.toArray(IPrincipal[]::new)))
                .managedPolicies(
                        List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole")))
                .build();
        List<ISubnet> subnets = network.vpc().getIsolatedSubnets().subList(0, size.zones());
        CapacityConfig.Builder capacity = CapacityConfig.builder()
                .dataNodeInstanceType(size.dataNodeType())
                .dataNodes(size.dataNodes())
                .multiAzWithStandbyEnabled(false);
        if (size.masterNodes() > 0) {
            capacity.masterNodeInstanceType(size.masterNodeType()).masterNodes(size.masterNodes());
        }
        domain = Domain.Builder.create(this, "Domain")
                .domainName(config.prefix() + "-search")
                .version(ENGINE)
                .capacity(capacity.build())
                .ebs(EbsOptions.builder()
                        .enabled(true)
                        .volumeType(EbsDeviceVolumeType.GP3)
                        .volumeSize(size.volumeGb())
                        .build())
                .zoneAwareness(ZoneAwarenessConfig.builder()
                        .enabled(size.zoneAware())
                        .availabilityZoneCount(size.zoneAware() ? size.zones() : null)
                        .build())
                .vpc(network.vpc())
                .vpcSubnets(List.of(SubnetSelection.builder().subnets(subnets).build()))
                .securityGroups(List.of(group))
                .encryptionAtRest(
                        EncryptionAtRestOptions.builder().enabled(true).build())
                .nodeToNodeEncryption(true)
                .enforceHttps(true)
                .tlsSecurityPolicy(TLSSecurityPolicy.TLS_1_2)
                .fineGrainedAccessControl(AdvancedSecurityOptions.builder()
                        .masterUserArn(masterRole.getRoleArn())
                        .build())
                .enableVersionUpgrade(true)
                .removalPolicy(config.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        domain.grantReadWrite(masterRole);
        CfnOutput.Builder.create(this, "SearchEndpoint")
                .value(domain.getDomainEndpoint())
                .build();
        CfnOutput.Builder.create(this, "SearchAdminRoleArn")
                .value(masterRole.getRoleArn())
                .build();
    }

    public Domain domain() {
        return domain;
    }

    public Role masterRole() {
        return masterRole;
    }
}
