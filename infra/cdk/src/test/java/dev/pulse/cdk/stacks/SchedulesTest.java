package dev.pulse.cdk.stacks;

import static dev.pulse.cdk.stacks.Statements.policyWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.FixtureTopology;
import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.PulseTopology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SchedulesTest {
    private static Template fixture() {
        return Synth.fixture().template("Functions");
    }

    @Test
    void everyTopologySchedule_becomesAnEventBridgeSchedule() {
        fixture().resourceCountIs("AWS::Scheduler::Schedule", 1);
        fixture()
                .hasResourceProperties(
                        "AWS::Scheduler::Schedule",
                        Match.objectLike(Map.of(
                                "Name",
                                "pulse-dev-" + FixtureTopology.SCHEDULE,
                                "ScheduleExpression",
                                "rate(1 hour)",
                                "State",
                                "ENABLED",
                                "GroupName",
                                Match.anyValue())));
    }

    @Test
    void schedule_invokesTheLiveAliasWithARetryPolicyAndADeadLetterQueue() {
        fixture()
                .hasResourceProperties(
                        "AWS::Scheduler::Schedule",
                        Match.objectLike(Map.of(
                                "Target",
                                Match.objectLike(Map.of(
                                        "Arn", Map.of("Ref", Match.stringLikeRegexp("Fnreporting.*Live.*")),
                                        "RoleArn", Match.anyValue(),
                                        "DeadLetterConfig", Map.of("Arn", Match.anyValue()),
                                        "RetryPolicy",
                                                Map.of(
                                                        "MaximumRetryAttempts",
                                                        3,
                                                        "MaximumEventAgeInSeconds",
                                                        3600))))));
    }

    @Test
    void schedulerRole_isAssumableOnlyBySchedulerFromThisAccount_andMayInvokeOnlyTheAlias() {
        fixture()
                .hasResourceProperties(
                        "AWS::IAM::Role",
                        Match.objectLike(Map.of(
                                "AssumeRolePolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Principal",
                                                Map.of("Service", "scheduler.amazonaws.com"),
                                                "Condition",
                                                Map.of(
                                                        "StringEquals",
                                                        Map.of("aws:SourceAccount", "123456789012")))))))))));
        fixture()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action",
                                "lambda:InvokeFunction",
                                "Resource",
                                Map.of("Ref", Match.stringLikeRegexp("Fnreporting.*Live.*")))));
    }

    @Test
    void scheduledFunction_sendsFailedAsyncRunsToTheTopologysOnFailureQueue() {
        Object topologyQueueArn = Map.of(
                "Fn::ImportValue",
                Match.stringLikeRegexp(".*Queue" + FixtureTopology.REPORTING_FAILURES.replace("-", "") + ".*Arn.*"));
        fixture()
                .hasResourceProperties(
                        "AWS::Lambda::EventInvokeConfig",
                        Match.objectLike(Map.of(
                                "FunctionName",
                                Map.of("Ref", Match.stringLikeRegexp("FnreportingFunction.*")),
                                "MaximumRetryAttempts",
                                2,
                                "DestinationConfig",
                                Map.of("OnFailure", Map.of("Destination", topologyQueueArn)))));
        fixture()
                .hasResourceProperties(
                        "AWS::Scheduler::Schedule",
                        Match.objectLike(Map.of(
                                "Target",
                                Match.objectLike(Map.of("DeadLetterConfig", Map.of("Arn", topologyQueueArn))))));
        Synth.fixture()
                .template("Storage")
                .hasResourceProperties(
                        "AWS::SQS::Queue",
                        Match.objectLike(Map.of(
                                "QueueName",
                                "pulse-dev-" + FixtureTopology.REPORTING_FAILURES,
                                "SqsManagedSseEnabled",
                                true,
                                "MessageRetentionPeriod",
                                1_209_600)));
    }

    @Test
    void failureQueues_areOnlyTheTopologys_noneIsInventedBesideTheFunctions() {
        fixture().resourceCountIs("AWS::SQS::Queue", 0);
        Synth.fixture()
                .template("Storage")
                .resourceCountIs(
                        "AWS::SQS::Queue", Synth.fixture().topology().queues().size());
    }

    @Test
    void dev_runsTheTrackedReconciliationEvery15Minutes_onTheLiveAlias_withItsOwnDeadLetterQueue() {
        Template functions = Synth.dev().template("Functions");
        functions.hasResourceProperties(
                "AWS::Scheduler::Schedule",
                Match.objectLike(Map.of(
                        "Name",
                        "pulse-dev-" + PulseTopology.TRACKED_RECONCILE_SCHEDULE,
                        "ScheduleExpression",
                        "rate(15 minutes)",
                        "Target",
                        Match.objectLike(Map.of(
                                "Arn", Map.of("Ref", Match.stringLikeRegexp("Fntrackedreconcile.*Live.*")),
                                "DeadLetterConfig",
                                        Map.of(
                                                "Arn",
                                                Map.of(
                                                        "Fn::ImportValue",
                                                        Match.stringLikeRegexp(
                                                                ".*Queuetrackedreconcilefailures.*"))))))));
        functions.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Match.objectLike(Map.of(
                        "FunctionName",
                        Map.of("Ref", Match.stringLikeRegexp("Fntrackedreconcile.*")),
                        "DestinationConfig",
                        Map.of(
                                "OnFailure",
                                Map.of(
                                        "Destination",
                                        Map.of(
                                                "Fn::ImportValue",
                                                Match.stringLikeRegexp(".*Queuetrackedreconcilefailures.*")))))));
    }

    @Test
    void reportingJobs_areScheduledAsTheTopologySays_withFlexibleTimeWindowsOff_andEachItsOwnFailureQueue() {
        Template dev = Synth.dev().template("Functions");
        var schedules = Synth.dev().topology().schedules();
        assertThat(schedules).extracting(s -> s.name()).contains("hourly-snapshots", "daily-snapshots", "retention");
        dev.resourceCountIs("AWS::Scheduler::Schedule", schedules.size());
        // one group per scheduled function, in that function's stack
        var scheduled = schedules.stream().map(s -> s.function()).distinct().toList();
        dev.resourceCountIs("AWS::Scheduler::ScheduleGroup", scheduled.size());
        for (String function : scheduled) {
            dev.hasResourceProperties(
                    "AWS::Scheduler::ScheduleGroup", Match.objectLike(Map.of("Name", "pulse-dev-" + function)));
        }
        for (var schedule : schedules) {
            dev.hasResourceProperties(
                    "AWS::Scheduler::Schedule",
                    Match.objectLike(Map.of(
                            "Name", "pulse-dev-" + schedule.name(),
                            "ScheduleExpression", schedule.expression(),
                            "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                            "Target",
                                    Match.objectLike(Map.of(
                                            "DeadLetterConfig",
                                            Map.of(
                                                    "Arn",
                                                    Map.of(
                                                            "Fn::ImportValue",
                                                            Match.stringLikeRegexp(".*Queue"
                                                                    + schedule.onFailureQueue()
                                                                            .replace("-", "")
                                                                    + ".*Arn.*"))))))));
        }
        assertThat(schedules).extracting(s -> s.onFailureQueue()).doesNotHaveDuplicates();
    }
}
