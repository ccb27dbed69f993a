package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        for (String function : List.of("ingest", "mentions", "accounts", PulseTopology.TRACKED_RECONCILE_FUNCTION)) {
            hasAlarm("pulse-dev-" + function + "-errors", "AWS/Lambda", "Errors", null);
            hasAlarm("pulse-dev-" + function + "-throttles", "AWS/Lambda", "Throttles", null);
        }
    }

    @Test
    void everyTable_alarmsOnThrottlesAndSystemErrors_overTheOperationsPulseCalls() {
        for (TableSpec table : PulseTopology.define().tables()) {
            for (var alarm : Map.of("table-throttles", "ThrottledRequests", "table-system-errors", "SystemErrors")
                    .entrySet()) {
                Object metric = Match.objectLike(Map.of(
                        "Namespace",
                        "AWS/DynamoDB",
                        "MetricName",
                        alarm.getValue(),
                        "Dimensions",
                        Match.arrayWith(List.of(Map.of("Name", "Operation", "Value", "UpdateItem")))));
                dev().hasResourceProperties(
                                "AWS::CloudWatch::Alarm",
                                Match.objectLike(Map.of(
                                        "AlarmName",
                                        "pulse-dev-" + table.name() + "-" + alarm.getKey(),
                                        "AlarmDescription",
                                        Match.stringLikeRegexp(".*Runbook: docs/DEPLOYING.md#" + alarm.getKey()),
                                        "Metrics",
                                        Match.arrayWith(List.of(Match.objectLike(
                                                Map.of("MetricStat", Match.objectLike(Map.of("Metric", metric)))))))));
            }
        }
    }

    @Test
    void trackedReconcile_alarmsOnDrift_onFailedRuns_andOnItsDeadLetters() {
        String fn = PulseTopology.TRACKED_RECONCILE_FUNCTION;
        hasAlarm("pulse-dev-" + fn + "-tracked-drift", Observability.METRICS_NAMESPACE, "Drift", null);
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "pulse-dev-" + fn + "-tracked-drift",
                                "Dimensions",
                                List.of(Map.of("Name", "Service", "Value", fn)),
                                "Statistic",
                                "Sum",
                                "Period",
                                900,
                                "Threshold",
                                1)));
        hasAlarm("pulse-dev-" + fn + "-errors", "AWS/Lambda", "Errors", null);
        hasAlarm(
                "pulse-dev-" + PulseTopology.TRACKED_RECONCILE_FAILURE_QUEUE + "-dlq-depth",
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                null);
    }

    @Test
    void legacyProxy_alarmsOnAutomaticRollback_onFallbackRate_andOnDiffRate() {
        String fn = PulseTopology.LEGACY_PROXY_FUNCTION;
        hasAlarm(
                "pulse-dev-" + fn + "-auto-rollback",
                Observability.METRICS_NAMESPACE,
                Observability.LEGACY_AUTO_ROLLBACKS_METRIC,
                null);
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "pulse-dev-" + fn + "-auto-rollback",
                                "Dimensions",
                                List.of(Map.of("Name", "Service", "Value", fn)),
                                "Threshold",
                                1)));
        for (String what : List.of("fallback-rate", "diff-rate")) {
            dev().hasResourceProperties(
                            "AWS::CloudWatch::Alarm",
                            Match.objectLike(Map.of(
                                    "AlarmName",
                                    "pulse-dev-" + fn + "-" + what,
                                    "Threshold",
                                    5,
                                    "EvaluationPeriods",
                                    3,
                                    "AlarmDescription",
                                    Match.stringLikeRegexp(".*Runbook: docs/DEPLOYING.md#" + what),
                                    "Metrics",
                                    Match.arrayWith(List.of(Match.objectLike(
                                            Map.of("Expression", Match.stringLikeRegexp("IF\\(.*"))))))));
        }
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "pulse-dev-" + fn + "-diff-rate",
                                "Metrics",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "MetricStat",
                                        Match.objectLike(Map.of(
                                                "Metric",
                                                Match.objectLike(Map.of(
                                                        "MetricName",
                                                        Observability.LEGACY_SHADOW_DIFFS_METRIC)))))))))));
    }

    @Test
    void everyAlarm_linksARunbookSectionThatExists() throws Exception {
        Set<String> sections = RunbookSections.of(Path.of(System.getProperty("user.dir"), "../../docs/DEPLOYING.md"));
        List<String> missing = new ArrayList<>();
        for (Synth app : Synth.all()) {
            for (Template template : List.of(
                    app.template("Observability"), app.template("Functions"), app.template("SearchBootstrap"))) {
                template.findResources("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
                    String description =
                            String.valueOf(((Map<?, ?>) ((Map<?, ?>) alarm).get("Properties")).get("AlarmDescription"));
                    Matcher link =
                            Pattern.compile("docs/DEPLOYING\\.md#([a-z0-9-]+)").matcher(description);
                    if (!link.find() || !sections.contains(link.group(1))) {
                        missing.add(id + ": " + description);
                    }
                });
            }
        }

        assertThat(sections)
                .contains(
                        "tracked-drift",
                        "table-throttles",
                        "table-system-errors",
                        "dlq-depth",
                        "auto-rollback",
                        "fallback-rate",
                        "diff-rate");
        assertThat(missing)
                .as("alarms whose runbook link has no section in docs/DEPLOYING.md")
                .isEmpty();
    }

    @Test
    void everyScheduledJob_alarmsWhenLate_whenAccountsFail_andOnItsFailureQueue() {
        for (var schedule : Synth.dev().topology().schedules()) {
            String fn = schedule.function();
            if (fn.equals(PulseTopology.TRACKED_RECONCILE_FUNCTION)) {
                continue; // its alarms are the drift and its errors, below
            }
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
