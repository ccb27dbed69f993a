package dev.pulse.cdk.stacks;

import dev.pulse.cdk.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SearchStackTest {
    private static Template dev() {
        return Synth.dev().template("Search");
    }

    @Test
    void domain_runsOpenSearch3() {
        dev().hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of("EngineVersion", Match.stringLikeRegexp("OpenSearch_3\\..*"))));
    }

    @Test
    void dev_isOneSmallNodeWithoutZoneAwareness() {
        dev().hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "ClusterConfig",
                                Match.objectLike(Map.of(
                                        "InstanceType",
                                        "t3.medium.search",
                                        "InstanceCount",
                                        1,
                                        "DedicatedMasterEnabled",
                                        false,
                                        "ZoneAwarenessEnabled",
                                        false)))));
    }

    @Test
    void prod_spreadsDataNodesAndDedicatedMastersOverThreeZones() {
        Synth.prod()
                .template("Search")
                .hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "ClusterConfig",
                                Match.objectLike(Map.of(
                                        "InstanceType",
                                        "r7g.large.search",
                                        "InstanceCount",
                                        3,
                                        "DedicatedMasterEnabled",
                                        true,
                                        "DedicatedMasterCount",
                                        3,
                                        "ZoneAwarenessEnabled",
                                        true,
                                        "ZoneAwarenessConfig",
                                        Map.of("AvailabilityZoneCount", 3))))));
    }

    @Test
    void domain_isEncryptedAtRestAndNodeToNode_andServesHttpsOnly() {
        dev().hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "EncryptionAtRestOptions",
                                Map.of("Enabled", true),
                                "NodeToNodeEncryptionOptions",
                                Map.of("Enabled", true),
                                "DomainEndpointOptions",
                                Match.objectLike(Map.of(
                                        "EnforceHTTPS", true, "TLSSecurityPolicy", "Policy-Min-TLS-1-2-2019-07")))));
    }

    @Test
    void fineGrainedAccess_hasAnIamRoleAsMasterUserAndNoInternalUsers() {
        dev().hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "AdvancedSecurityOptions",
                                Match.objectLike(Map.of(
                                        "Enabled", true,
                                        "InternalUserDatabaseEnabled", false,
                                        "MasterUserOptions",
                                                Map.of(
                                                        "MasterUserARN",
                                                        Map.of(
                                                                "Fn::GetAtt",
                                                                List.of(
                                                                        dev().getResourceId("AWS::IAM::Role"),
                                                                        "Arn"))))))));
    }

    @Test
    void domain_isInsideTheVpc_reachableOnlyByTheSearchingFunctions() {
        dev().hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "VPCOptions",
                                Match.objectLike(
                                        Map.of("SubnetIds", Match.anyValue(), "SecurityGroupIds", Match.anyValue())))));
        // ingest, mentions, accounts, hourly-snapshots, daily-snapshots, retention, search bootstrap
        dev().resourceCountIs("AWS::EC2::SecurityGroupIngress", 7);
        dev().hasResourceProperties(
                        "AWS::EC2::SecurityGroupIngress",
                        Match.objectLike(Map.of(
                                "IpProtocol",
                                "tcp",
                                "FromPort",
                                443,
                                "ToPort",
                                443,
                                "SourceSecurityGroupId",
                                Match.anyValue())));
        dev().resourcePropertiesCountIs(
                        "AWS::EC2::SecurityGroupIngress", Match.objectLike(Map.of("CidrIp", Match.anyValue())), 0);
    }
}
