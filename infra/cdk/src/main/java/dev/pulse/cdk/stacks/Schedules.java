package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.Topology;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleGroup;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * EventBridge Scheduler schedules for one scheduled function, in its own schedule group. They run under a role of
 * their own that may invoke only that function's alias; an invocation the scheduler cannot deliver lands in the schedule's on-failure queue (a
 * topology queue), as does a run that fails after Lambda's asynchronous retries.
 */
final class Schedules extends Construct {
    Schedules(
            Construct scope,
            EnvironmentConfig config,
            Topology topology,
            PulseFunction function,
            Map<String, IQueue> queues) {
        super(scope, "Schedules-" + function.spec().name());
        String name = function.spec().name();
        List<ScheduleSpec> schedules = topology.schedules().stream()
                .filter(s -> s.function().equals(name))
                .toList();
        if (schedules.isEmpty()) {
            return;
        }
        ScheduleGroup group = ScheduleGroup.Builder.create(this, "Group")
                .scheduleGroupName(config.prefix() + "-" + name)
                .build();
        Role role = Role.Builder.create(this, "SchedulerRole")
                .description("EventBridge Scheduler: invokes " + config.prefix() + "-" + name + ":live")
                .assumedBy(new ServicePrincipal(
                        "scheduler.amazonaws.com",
                        ServicePrincipalOpts.builder()
                                .conditions(Map.of(
                                        "StringEquals",
                                        Map.of(
                                                "aws:SourceAccount",
                                                Stack.of(this).getAccount())))
                                .build()))
                .build();
        for (ScheduleSpec spec : schedules) {
            Schedule.Builder.create(this, "Schedule-" + spec.name())
                    .scheduleName(config.prefix() + "-" + spec.name())
                    .description(spec.description())
                    .scheduleGroup(group)
                    .schedule(ScheduleExpression.expression(spec.expression()))
                    .target(new LambdaInvoke(
                            function.alias(),
                            ScheduleTargetBaseProps.builder()
                                    .role(role)
                                    .deadLetterQueue(Lookup.require(queues, spec.onFailureQueue(), "queue"))
                                    .retryAttempts(3)
                                    .maxEventAge(Duration.hours(1))
                                    .build()))
                    .build();
        }
    }
}
