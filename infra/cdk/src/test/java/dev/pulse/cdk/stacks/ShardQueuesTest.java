package dev.pulse.cdk.stacks;

import static dev.pulse.cdk.stacks.Statements.policyWith;

import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.QueueMappingSpec;
import dev.pulse.core.topology.QueueSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The snapshot jobs' fan-out: each shard queue, its redrive to the job's failure queue, its mapping and alarms. */
class ShardQueuesTest {
    private static final List<QueueMappingSpec> MAPPINGS =
            PulseTopology.define().queueMappings();

    @Test
    void everyShardQueue_redrivesToItsJobsFailureQueue_afterTheTopologysReceives() {
        for (QueueMappingSpec mapping : MAPPINGS) {
            QueueSpec queue = PulseTopology.define().requireQueue(mapping.queue());
            Synth.dev()
                    .template("Storage")
                    .hasResourceProperties(
                            "AWS::SQS::Queue",
                            Match.objectLike(Map.of(
                                    "QueueName",
                                    "pulse-dev-" + mapping.queue(),
                                    "VisibilityTimeout",
                                    (int) queue.visibilityTimeout().toSeconds(),
                                    "RedrivePolicy",
                                    Match.objectLike(Map.of(
                                            "maxReceiveCount",
                                            PulseTopology.SHARD_MAX_RECEIVES,
                                            "deadLetterTargetArn",
                                            Match.anyValue())))));
        }
    }

    @Test
    void everyShardQueue_isConsumedByItsJobsLiveAlias_oneShardAtATime_withPartialFailures() {
        for (QueueMappingSpec mapping : MAPPINGS) {
            Synth.dev()
                    .template("Functions")
                    .hasResourceProperties(
                            "AWS::Lambda::EventSourceMapping",
                            Match.objectLike(Map.of(
                                    "BatchSize",
                                    1,
                                    "ScalingConfig",
                                    Map.of("MaximumConcurrency", PulseTopology.SHARD_CONCURRENCY),
                                    "FunctionResponseTypes",
                                    List.of("ReportBatchItemFailures"),
                                    "FunctionName",
                                    Match.anyValue())));
        }
        Synth.dev()
                .template("Functions")
                .resourcePropertiesCountIs(
                        "AWS::Lambda::EventSourceMapping",
                        Match.objectLike(Map.of("ScalingConfig", Match.anyValue())),
                        MAPPINGS.size());
    }

    @Test
    void theJobsMayConsumeAndSendTheirShards() {
        Synth.dev()
                .template("Functions")
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action",
                                Match.arrayWith(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage")),
                                "Effect",
                                "Allow")));
    }

    @Test
    void aShardQueue_alarmsOnItsOldestMessage_notOnItsDepth() {
        for (QueueMappingSpec mapping : MAPPINGS) {
            Synth.dev()
                    .template("Observability")
                    .hasResourceProperties(
                            "AWS::CloudWatch::Alarm",
                            Match.objectLike(Map.of(
                                    "AlarmName",
                                    "pulse-dev-" + mapping.queue() + "-oldest-message",
                                    "MetricName",
                                    "ApproximateAgeOfOldestMessage",
                                    "Threshold",
                                    ObservabilityStack.WORK_QUEUE_MAX_AGE_S)));
            Synth.dev()
                    .template("Observability")
                    .resourcePropertiesCountIs(
                            "AWS::CloudWatch::Alarm",
                            Match.objectLike(Map.of("AlarmName", "pulse-dev-" + mapping.queue() + "-dlq-depth")),
                            0);
        }
    }
}
