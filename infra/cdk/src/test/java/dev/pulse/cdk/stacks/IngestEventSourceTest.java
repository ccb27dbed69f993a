package dev.pulse.cdk.stacks;

import static dev.pulse.cdk.stacks.Statements.policyWith;

import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.StreamMappingSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class IngestEventSourceTest {
    private static final StreamMappingSpec MAPPING =
            PulseTopology.define().streamMappings().getFirst();

    @Test
    void mapping_batchesAsTheTopologySays() {
        Synth.dev()
                .template("Functions")
                .hasResourceProperties(
                        "AWS::Lambda::EventSourceMapping",
                        Match.objectLike(Map.of(
                                "BatchSize",
                                MAPPING.batchSize(),
                                "MaximumBatchingWindowInSeconds",
                                (int) MAPPING.batchingWindow().toSeconds(),
                                "ParallelizationFactor",
                                MAPPING.parallelizationFactor(),
                                "StartingPosition",
                                "TRIM_HORIZON")));
    }

    @Test
    void mapping_reportsItemFailures_bisects_andBoundsRetriesAndRecordAge() {
        Synth.dev()
                .template("Functions")
                .hasResourceProperties(
                        "AWS::Lambda::EventSourceMapping",
                        Match.objectLike(Map.of(
                                "FunctionResponseTypes",
                                List.of("ReportBatchItemFailures"),
                                "BisectBatchOnFunctionError",
                                true,
                                "MaximumRetryAttempts",
                                MAPPING.maxRetryAttempts(),
                                "MaximumRecordAgeInSeconds",
                                (int) MAPPING.maxRecordAge().toSeconds())));
    }

    @Test
    void exhaustedBatches_goToTheOnFailureQueue_andTheFunctionMaySendThere() {
        var template = Synth.dev().template("Functions");
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Match.objectLike(Map.of(
                        "DestinationConfig",
                        Map.of(
                                "OnFailure",
                                Map.of(
                                        "Destination",
                                        Map.of(
                                                "Fn::ImportValue",
                                                Match.stringLikeRegexp(".*Queueingestfailures.*")))))));
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                policyWith(Map.of(
                        "Action", Match.arrayWith(List.of("sqs:SendMessage")),
                        "Resource", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Queueingestfailures.*")))));
    }

    @Test
    void mapping_invokesTheLiveAlias_soSnapStartVersionsServeTheStream() {
        Synth.dev()
                .template("Functions")
                .hasResourceProperties(
                        "AWS::Lambda::EventSourceMapping",
                        Match.objectLike(Map.of(
                                "FunctionName", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":live")))))));
    }

    @Test
    void quarantineQueue_isGrantedToIngestForPoisonRecords() {
        Synth.dev()
                .template("Functions")
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", Match.arrayWith(List.of("sqs:SendMessage")),
                                "Resource",
                                        Map.of(
                                                "Fn::ImportValue",
                                                Match.stringLikeRegexp(".*Queueingestquarantine.*")))));
    }
}
