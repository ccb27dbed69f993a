package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.CacheSize;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Topology;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * ElastiCache for Redis OSS: a replication group inside the VPC with TLS required in transit, encryption at rest, and
 * an AUTH token generated into Secrets Manager. Only the security groups of functions with cache access may connect.
 */
public final class CacheStack extends Stack {
    public static final int PORT = 6379;

    private final CfnReplicationGroup cache;
    private final Secret authToken;
    private final String replicationGroupId;

    public CacheStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            Topology topology,
            NetworkStack network) {
        super(scope, id, props);
        CacheSize size = config.cache();
        replicationGroupId = config.prefix() + "-cache";
        SecurityGroup group = SecurityGroup.Builder.create(this, "CacheSg")
                .vpc(network.vpc())
                .description("Redis: TLS from the functions that cache")
                .allowAllOutbound(false)
                .build();
        for (FunctionSpec function : topology.functions()) {
            if (Placement.uses(function, Access.Kind.CACHE)) {
                group.addIngressRule(
                        network.functionGroup(function.name()), Port.tcp(PORT), "Redis from " + function.name());
                // remote rule: the egress lives in this stack, so the network stack does not depend on it
                network.functionGroup(function.name()).addEgressRule(group, Port.tcp(PORT), "Redis", true);
            }
        }
        authToken = Secret.Builder.create(this, "AuthToken")
                .secretName(config.prefix() + "/cache/auth-token")
                .description("Redis AUTH token for " + replicationGroupId)
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        List<ISubnet> subnets = network.vpc().getIsolatedSubnets();
        CfnSubnetGroup subnetGroup = CfnSubnetGroup.Builder.create(this, "SubnetGroup")
                .cacheSubnetGroupName(config.prefix() + "-cache")
                .description("Private subnets for " + replicationGroupId)
                .subnetIds(subnets.stream().map(ISubnet::getSubnetId).toList())
                .build();
        cache = CfnReplicationGroup.Builder.create(this, "Cache")
                .replicationGroupId(replicationGroupId)
                .replicationGroupDescription("Pulse " + config.name() + " hot-prefix and cache-aside store")
                .engine("redis")
                .engineVersion("7.1")
                .cacheNodeType(size.nodeType())
                .numCacheClusters(size.nodes())
                .automaticFailoverEnabled(size.multiAz())
                .multiAzEnabled(size.multiAz())
                .port(PORT)
                .transitEncryptionEnabled(true)
                .transitEncryptionMode("required")
                .atRestEncryptionEnabled(true)
                .authToken(authToken.getSecretValue().unsafeUnwrap())
                .cacheSubnetGroupName(subnetGroup.getRef())
                .securityGroupIds(List.of(group.getSecurityGroupId()))
                .autoMinorVersionUpgrade(true)
                .snapshotRetentionLimit(0)
                .build();
        cache.getNode().addDependency(subnetGroup);
    }

    /** The {@code rediss://host:port} URL of the primary endpoint; the token is read from the secret at cold start. */
    public String redisUrl() {
        return Fn.join(
                "",
                List.of("rediss://", cache.getAttrPrimaryEndPointAddress(), ":", cache.getAttrPrimaryEndPointPort()));
    }

    public ISecret authToken() {
        return authToken;
    }

    public String replicationGroupId() {
        return replicationGroupId;
    }

    /** The member cluster ids ElastiCache reports metrics under: {@code <group>-001}, {@code -002}, ... */
    public List<String> nodeIds(EnvironmentConfig config) {
        return IntStream.rangeClosed(1, config.cache().nodes())
                .mapToObj(i -> "%s-%03d".formatted(replicationGroupId, i))
                .toList();
    }
}
