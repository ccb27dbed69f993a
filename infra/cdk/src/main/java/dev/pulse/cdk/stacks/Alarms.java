package dev.pulse.cdk.stacks;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Makes alarms the same way: named {@code <prefix>-<subject>-<what>} (the runbook in docs/DEPLOYING.md is keyed by
 * {@code <what>}), missing data not breaching, and every alarm and its recovery sent to the alerts topic.
 */
final class Alarms {
    private final Construct scope;
    private final String prefix;
    private final SnsAction notify;

    Alarms(Construct scope, String prefix, ITopic topic) {
        this.scope = scope;
        this.prefix = prefix;
        this.notify = new SnsAction(topic);
    }

    /** Alarms when {@code metric >= threshold} for {@code periods} consecutive periods. */
    Alarm atLeast(String subject, String what, IMetric metric, double threshold, int periods, String description) {
        String name = prefix + "-" + subject + "-" + what;
        Alarm alarm = Alarm.Builder.create(scope, "Alarm-" + subject + "-" + what)
                .alarmName(name)
                .alarmDescription(description + " Runbook: docs/DEPLOYING.md#" + what)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        return alarm;
    }

    /**
     * Alarms when {@code metric < threshold} for {@code periods} consecutive periods, missing data breaching: for
     * something that must happen, such as a scheduled job completing.
     */
    Alarm below(String subject, String what, IMetric metric, double threshold, int periods, String description) {
        String name = prefix + "-" + subject + "-" + what;
        Alarm alarm = Alarm.Builder.create(scope, "Alarm-" + subject + "-" + what)
                .alarmName(name)
                .alarmDescription(description + " Runbook: docs/DEPLOYING.md#" + what)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(periods)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        return alarm;
    }
}
