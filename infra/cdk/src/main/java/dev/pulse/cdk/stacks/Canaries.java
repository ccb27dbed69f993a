package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.Topology;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The CodeDeploy canary of a function behind API routes, in a CodeDeploy application of its own: a new version gets 10% of traffic for five minutes and is
 * rolled back automatically if its alias shows errors or slow p99 latency in that window.
 */
final class Canaries extends Construct {
    Canaries(Construct scope, EnvironmentConfig config, Topology topology, PulseFunction function, ITopic topic) {
        super(scope, "Canaries-" + function.spec().name());
        String name = function.spec().name();
        if (topology.routes().stream().map(RouteSpec::function).noneMatch(name::equals)) {
            return;
        }
        LambdaApplication application = LambdaApplication.Builder.create(this, "Application")
                .applicationName(config.prefix() + "-" + name)
                .build();
        SnsAction notify = new SnsAction(topic);
        Alarm errors = Alarm.Builder.create(this, "CanaryErrors-" + name)
                .alarmName(config.prefix() + "-" + name + "-canary-errors")
                .alarmDescription("Errors on " + name + ":live during a deployment: rolls the canary back."
                        + " Runbook: docs/DEPLOYING.md#canary-errors")
                .metric(function.alias()
                        .metricErrors(MetricOptions.builder()
                                .period(Duration.minutes(1))
                                .build()))
                .threshold(config.alarms().canaryErrors())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Alarm latency = Alarm.Builder.create(this, "CanaryLatency-" + name)
                .alarmName(config.prefix() + "-" + name + "-canary-p99")
                .alarmDescription("p99 duration of " + name + ":live during a deployment: rolls the canary back."
                        + " Runbook: docs/DEPLOYING.md#canary-p99")
                .metric(function.alias()
                        .metricDuration(MetricOptions.builder()
                                .period(Duration.minutes(1))
                                .statistic("p99")
                                .build()))
                .threshold(config.alarms().apiP99Ms())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        errors.addAlarmAction(notify);
        latency.addAlarmAction(notify);
        LambdaDeploymentGroup.Builder.create(this, "Deployment-" + name)
                .application(application)
                .deploymentGroupName(config.prefix() + "-" + name)
                .alias(function.alias())
                .deploymentConfig(LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES)
                .alarms(List.of(errors, latency))
                .autoRollback(AutoRollbackConfig.builder()
                        .failedDeployment(true)
                        .stoppedDeployment(true)
                        .deploymentInAlarm(true)
                        .build())
                .build();
    }
}
