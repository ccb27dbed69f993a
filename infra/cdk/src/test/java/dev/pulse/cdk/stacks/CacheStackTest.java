package dev.pulse.cdk.stacks;

import dev.pulse.cdk.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CacheStackTest {
    private static Template dev() {
        return Synth.dev().template("Cache");
    }

    @Test
    void redis_requiresTlsInTransit_andEncryptsAtRest() {
        dev().hasResourceProperties(
                        "AWS::ElastiCache::ReplicationGroup",
                        Match.objectLike(Map.of(
                                "Engine",
                                "redis",
                                "TransitEncryptionEnabled",
                                true,
                                "TransitEncryptionMode",
                                "required",
                                "AtRestEncryptionEnabled",
                                true,
                                "Port",
                                6379)));
    }

    @Test
    void authToken_isResolvedFromAGeneratedSecret_neverWrittenInTheTemplate() {
        dev().hasResourceProperties(
                        "AWS::SecretsManager::Secret",
                        Match.objectLike(Map.of(
                                "GenerateSecretString",
                                Match.objectLike(Map.of("PasswordLength", 64, "ExcludePunctuation", true)))));
        dev().hasResourceProperties(
                        "AWS::ElastiCache::ReplicationGroup",
                        Match.objectLike(Map.of(
                                "AuthToken",
                                Map.of(
                                        "Fn::Join",
                                        List.of(
                                                "",
                                                Match.arrayWith(List.of(
                                                        "{{resolve:secretsmanager:",
                                                        Map.of(
                                                                "Ref",
                                                                dev().getResourceId(
                                                                                "AWS::SecretsManager::Secret")))))))));
    }

    @Test
    void redis_isInThePrivateSubnets_andAdmitsOnlyCachingFunctions() {
        dev().hasResourceProperties(
                        "AWS::ElastiCache::SubnetGroup", Match.objectLike(Map.of("SubnetIds", Match.anyValue())));
        dev().resourceCountIs("AWS::EC2::SecurityGroupIngress", 2); // mentions, accounts
        dev().hasResourceProperties(
                        "AWS::EC2::SecurityGroupIngress",
                        Match.objectLike(
                                Map.of("FromPort", 6379, "ToPort", 6379, "SourceSecurityGroupId", Match.anyValue())));
    }

    @Test
    void prod_hasAReplicaWithAutomaticFailoverAcrossZones() {
        Synth.prod()
                .template("Cache")
                .hasResourceProperties(
                        "AWS::ElastiCache::ReplicationGroup",
                        Match.objectLike(Map.of(
                                "CacheNodeType",
                                "cache.r7g.large",
                                "NumCacheClusters",
                                2,
                                "AutomaticFailoverEnabled",
                                true,
                                "MultiAZEnabled",
                                true)));
    }
}
