package dev.pulse.cdk.stacks;

import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.PulseTopology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class DeploymentsTest {
    @Test
    void everyApiFunction_deploysAsATenPercentFiveMinuteCanary() {
        var template = Synth.fixture().template("Functions");
        // the legacy proxy is behind the API too, so it deploys as a canary like the others
        template.resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 3);
        for (String function : List.of("mentions", "accounts", PulseTopology.LEGACY_PROXY_FUNCTION)) {
            template.hasResourceProperties(
                    "AWS::CodeDeploy::DeploymentGroup",
                    Match.objectLike(Map.of(
                            "DeploymentGroupName",
                            "pulse-dev-" + function,
                            "DeploymentConfigName",
                            "CodeDeployDefault.LambdaCanary10Percent5Minutes",
                            "DeploymentStyle",
                            Map.of("DeploymentOption", "WITH_TRAFFIC_CONTROL", "DeploymentType", "BLUE_GREEN"))));
        }
    }

    @Test
    void canary_rollsBackOnItsErrorAndLatencyAlarms() {
        var template = Synth.dev().template("Functions");
        template.hasResourceProperties(
                "AWS::CodeDeploy::DeploymentGroup",
                Match.objectLike(Map.of(
                        "AutoRollbackConfiguration",
                        Map.of(
                                "Enabled",
                                true,
                                "Events",
                                Match.arrayWith(List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"))),
                        "AlarmConfiguration",
                        Map.of(
                                "Enabled",
                                true,
                                "Alarms",
                                List.of(
                                        Map.of(
                                                "Name",
                                                Map.of(
                                                        "Ref",
                                                        Match.stringLikeRegexp(
                                                                "CanariesmentionsCanaryErrorsmentions.*"))),
                                        Map.of(
                                                "Name",
                                                Map.of(
                                                        "Ref",
                                                        Match.stringLikeRegexp(
                                                                "CanariesmentionsCanaryLatencymentions.*"))))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName", "Errors",
                        "Dimensions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "Resource")))),
                        "AlarmActions", Match.anyValue())));
    }

    @Test
    void streamFunctions_areNotCanaried() {
        Synth.dev()
                .template("Functions")
                .resourcePropertiesCountIs(
                        "AWS::CodeDeploy::DeploymentGroup",
                        Match.objectLike(Map.of("DeploymentGroupName", "pulse-dev-ingest")),
                        0);
    }
}
