package dev.pulse.cdk.stacks;

import dev.pulse.cdk.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ObservabilityStackTest {
    private static Template dev() {
        return Synth.dev().template("Observability");
    }

    private static void hasAlarm(String name, String namespace, String metric, Object statistic) {
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                name,
                                "Namespace",
                                namespace,
                                "MetricName",
                                metric,
                                "AlarmActions",
                                List.of(Match.anyValue()),
                                "ComparisonOperator",
                                "GreaterThanOrEqualToThreshold",
                                "TreatMissingData",
                                "notBreaching")));
        if (statistic != null) {
            dev().hasResourceProperties(
                            "AWS::CloudWatch::Alarm",
                            Match.objectLike(Map.of("AlarmName", name, "ExtendedStatistic", statistic)));
        }
    }

    @Test
    void ingest_alarmsOnIteratorAge_atTheEnvironmentsThreshold() {
        hasAlarm("pulse-dev-ingest-iterator-age", "AWS/Lambda", "IteratorAge", null);
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "pulse-dev-ingest-iterator-age",
                                "Statistic",
                                "Maximum",
                                "Threshold",
                                300_000)));
    }

    @Test
    void everyDeadLetterQueue_alarmsOnItsFirstMessage() {
        for (String queue : List.of("ingest-quarantine", "ingest-failures")) {
            hasAlarm("pulse-dev-" + queue + "-dlq-depth", "AWS/SQS", "ApproximateNumberOfMessagesVisible", null);
        }
    }

    @Test
    void everyFunction_alarmsOnErrorsAndThrottles() {
        for (String function : List.of("ingest", "mentions")) {
            hasAlarm("pulse-dev-" + function + "-errors", "AWS/Lambda", "Errors", null);
            hasAlarm("pulse-dev-" + function + "-throttles", "AWS/Lambda", "Throttles", null);
        }
    }

    @Test
    void everyScheduledJob_alarmsWhenLate_whenAccountsFail_andOnItsFailureQueue() {
        for (var schedule : Synth.dev().topology().schedules()) {
            String fn = schedule.function();
            dev().hasResourceProperties(
                            "AWS::CloudWatch::Alarm",
                            Match.objectLike(Map.of(
                                    "AlarmName", "pulse-dev-" + fn + "-job-late",
                                    "Namespace", "Pulse",
                                    "MetricName", "RunsCompleted",
                                    "Dimensions", List.of(Map.of("Name", "Service", "Value", fn)),
                                    "ComparisonOperator", "LessThanThreshold",
                                    "TreatMissingData", "breaching")));
            hasAlarm("pulse-dev-" + fn + "-accounts-failed", "Pulse", "AccountsFailed", null);
            hasAlarm("pulse-dev-" + fn + "-errors", "AWS/Lambda", "Errors", null);
            hasAlarm(
                    "pulse-dev-" + schedule.onFailureQueue() + "-dlq-depth",
                    "AWS/SQS",
                    "ApproximateNumberOfMessagesVisible",
                    null);
        }
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName", "pulse-dev-hourly-snapshots-job-late",
                                "Period", 3600,
                                "EvaluationPeriods", 2)));
    }

    @Test
    void api_alarmsOnP99LatencyAnd5xx() {
        hasAlarm("pulse-dev-api-p99-latency", "AWS/ApiGateway", "Latency", "p99");
        hasAlarm("pulse-dev-api-5xx", "AWS/ApiGateway", "5xx", null);
    }

    @Test
    void search_alarmsOnRedAndYellowStatusAndJvmPressure() {
        hasAlarm("pulse-dev-search-cluster-red", "AWS/ES", "ClusterStatus.red", null);
        hasAlarm("pulse-dev-search-cluster-yellow", "AWS/ES", "ClusterStatus.yellow", null);
        hasAlarm("pulse-dev-search-jvm-pressure", "AWS/ES", "JVMMemoryPressure", null);
    }

    @Test
    void everyCacheNode_alarmsOnEngineCpuAndEvictions() {
        hasAlarm("pulse-dev-redis-001-cache-cpu", "AWS/ElastiCache", "EngineCPUUtilization", null);
        hasAlarm("pulse-dev-redis-001-cache-evictions", "AWS/ElastiCache", "Evictions", null);
        Synth.prod()
                .template("Observability")
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of("AlarmName", "pulse-prod-redis-002-cache-evictions")));
    }

    @Test
    void everyAlarm_notifiesTheAlertsTopicOnAlarmAndRecovery() {
        dev().allResourcesProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmActions",
                                        List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Alarms.*"))),
                                "OKActions",
                                        List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Alarms.*"))))));
    }

    @Test
    void oneDashboard_coversTheWholeFlow() {
        dev().resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Dashboard", Match.objectLike(Map.of("DashboardName", "pulse-dev")));
    }

    @Test
    void alertsTopic_isEncryptedWithAKeyCloudWatchMayUse() {
        var alerts = Synth.dev().template("Alerts");
        alerts.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
        alerts.hasResourceProperties(
                "AWS::KMS::Key",
                Match.objectLike(Map.of(
                        "KeyPolicy",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(
                                        Map.of("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))))))))));
        alerts.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "email")));
    }
}
