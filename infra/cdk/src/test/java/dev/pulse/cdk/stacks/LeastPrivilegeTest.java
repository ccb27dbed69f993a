package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.cdk.PulsePlatform;
import dev.pulse.cdk.Synth;
import dev.pulse.cdk.code.PlaceholderCode;
import dev.pulse.cdk.config.Environments;
import dev.pulse.core.topology.PulseTopology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The three least-privilege points: who may be the search master, where functions may send, who may use the key. */
class LeastPrivilegeTest {
    private static final String ADMIN = "arn:aws:iam::123456789012:role/pulse-operator";

    @Test
    void givenSearchAdmins_theMasterRoleTrustsThoseRolesAndLambda_notTheAccount() {
        App app = new App();
        PulsePlatform platform = PulsePlatform.build(
                app,
                PulseTopology.define(),
                Environments.dev(),
                new PlaceholderCode(),
                new PulsePlatform.Options(
                        Environment.builder()
                                .account("123456789012")
                                .region("us-east-1")
                                .build(),
                        Optional.empty(),
                        PulsePlatform.Options.defaultZones("us-east-1", 2),
                        List.of(ADMIN)));
        Template search = Template.fromStack(platform.search());
        search.hasResourceProperties(
                "AWS::IAM::Role",
                Match.objectLike(Map.of(
                        "RoleName",
                        "pulse-dev-search-admin",
                        "AssumeRolePolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                List.of(
                                        Match.objectLike(
                                                Map.of("Principal", Map.of("Service", "lambda.amazonaws.com"))),
                                        Match.objectLike(Map.of("Principal", Map.of("AWS", ADMIN)))))))));
        assertThat(search.toJSON().toString()).doesNotContain(":root");
    }

    @Test
    void searchAdmins_mustBeRoleArns() {
        assertThatThrownBy(() -> new PulsePlatform.Options(
                        Environment.builder().build(), Optional.empty(), List.of(), List.of("123456789012")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("searchAdmins");
    }

    @Test
    void functionGroups_sendNothingByDefault_andOnlyHttpsToAnywhere() {
        Template network = Synth.dev().template("Network");
        // allowAllOutbound(false) everywhere: no rule to 0.0.0.0/0 on every protocol
        network.resourcePropertiesCountIs(
                "AWS::EC2::SecurityGroup",
                Match.objectLike(Map.of(
                        "SecurityGroupEgress", Match.arrayWith(List.of(Match.objectLike(Map.of("IpProtocol", "-1")))))),
                0);
        // mentions uses no table: nothing to the gateway endpoints, only its Secrets Manager endpoint here
        network.hasResourceProperties(
                "AWS::EC2::SecurityGroup",
                Match.objectLike(
                        Map.of("GroupDescription", "Lambda function mentions", "SecurityGroupEgress", Match.absent())));
        network.hasResourceProperties(
                "AWS::EC2::SecurityGroupEgress",
                Match.objectLike(Map.of(
                        "GroupId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Sgmentions.*"), "GroupId")),
                        "DestinationSecurityGroupId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Sgendpointsecretsmanager.*"), "GroupId")),
                        "FromPort",
                        443,
                        "ToPort",
                        443)));
        // ingest writes DynamoDB through the gateway endpoint: HTTPS only
        network.hasResourceProperties(
                "AWS::EC2::SecurityGroup",
                Match.objectLike(Map.of(
                        "GroupDescription",
                        "Lambda function ingest",
                        "SecurityGroupEgress",
                        List.of(Match.objectLike(
                                Map.of("CidrIp", "0.0.0.0/0", "IpProtocol", "tcp", "FromPort", 443, "ToPort", 443))))));
    }

    @Test
    void searchAndCacheUsers_mayReachTheDomainOn443_andRedisOn6379_fromTheirStacks() {
        Synth.dev()
                .template("Search")
                .hasResourceProperties(
                        "AWS::EC2::SecurityGroupEgress",
                        Match.objectLike(Map.of(
                                "GroupId", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Sgmentions.*")),
                                "FromPort", 443,
                                "ToPort", 443)));
        Template cache = Synth.dev().template("Cache");
        cache.hasResourceProperties(
                "AWS::EC2::SecurityGroupEgress",
                Match.objectLike(Map.of(
                        "GroupId", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Sgmentions.*")),
                        "FromPort", 6379,
                        "ToPort", 6379)));
        cache.resourcePropertiesCountIs(
                "AWS::EC2::SecurityGroupEgress",
                Match.objectLike(Map.of("GroupId", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Sgingest.*")))),
                0);
    }

    @Test
    void interfaceEndpoints_admitOnlyTheFunctionsThatCallThem() {
        Template network = Synth.dev().template("Network");
        network.resourcePropertiesCountIs(
                "AWS::EC2::SecurityGroup", Match.objectLike(Map.of("SecurityGroupIngress", Match.anyValue())), 0);
        network.hasResourceProperties(
                "AWS::EC2::SecurityGroupIngress",
                Match.objectLike(Map.of(
                        "GroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Sgendpointsqs.*"), "GroupId")),
                        "SourceSecurityGroupId",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Sgingest.*"), "GroupId")))));
        network.resourcePropertiesCountIs(
                "AWS::EC2::SecurityGroupIngress",
                Match.objectLike(Map.of(
                        "GroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Sgendpointsqs.*"), "GroupId")),
                        "SourceSecurityGroupId",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Sgmentions.*"), "GroupId")))),
                0);
    }

    @Test
    void cloudWatch_mayUseTheAlertsKey_onlyForThisAccountsAlarms() {
        Synth.dev()
                .template("Alerts")
                .hasResourceProperties(
                        "AWS::KMS::Key",
                        Match.objectLike(Map.of(
                                "KeyPolicy",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Principal",
                                                Map.of("Service", "cloudwatch.amazonaws.com"),
                                                "Condition",
                                                Map.of(
                                                        "StringEquals",
                                                        Map.of("aws:SourceAccount", "123456789012"),
                                                        "ArnLike",
                                                        Map.of("aws:SourceArn", Match.anyValue())))))))))));
        assertThat(Synth.dev().template("Alerts").toJSON().toString())
                .contains(":cloudwatch:us-east-1:123456789012:alarm:*");
    }
}
