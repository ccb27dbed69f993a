package dev.pulse.cdk.stacks;

import static dev.pulse.cdk.stacks.Statements.policyWith;

import dev.pulse.cdk.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class GrantsTest {
    private static Template functions() {
        return Synth.dev().template("Functions");
    }

    @Test
    void ingest_readsThePostsStream_andMayDecryptWithItsKey() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", Match.arrayWith(List.of("kinesis:GetRecords", "kinesis:GetShardIterator")),
                                "Resource",
                                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Streamposts.*Arn.*")))));
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action",
                                "kms:Decrypt",
                                "Resource",
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*StreamKey.*")))));
    }

    @Test
    void ingest_mayNotWriteTheStreamItReads() {
        functions()
                .resourcePropertiesCountIs(
                        "AWS::IAM::Policy",
                        policyWith(Map.of("Action", Match.arrayWith(List.of("kinesis:PutRecords")))),
                        0);
    }

    @Test
    void mentions_onlyReadsThePagesAliasAndItsIndex() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", List.of("es:ESHttpGet", "es:ESHttpHead"),
                                "Resource",
                                        Match.arrayWith(List.of(Map.of(
                                                "Fn::Join", List.of("", Match.arrayWith(List.of("/pages/*")))))))));
    }

    @Test
    void aliasReaders_mayResolveTheAliasToItsIndex() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", List.of("es:ESHttpGet", "es:ESHttpHead"),
                                "Resource",
                                        Map.of("Fn::Join", List.of("", Match.arrayWith(List.of("/_alias/pages")))))));
    }

    @Test
    void writers_mayPostBulkRequests_butNotTheWholeDomain() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", Match.arrayWith(List.of("es:ESHttpPost")),
                                "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of("/_bulk")))))));
        functions()
                .resourcePropertiesCountIs(
                        "AWS::IAM::Policy",
                        policyWith(Map.of("Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of("/*")))))),
                        0);
    }

    @Test
    void cachingFunctions_mayReadOnlyTheAuthTokenSecret() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                                "Resource", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*AuthToken.*")))));
    }

    @Test
    void ingest_readsTrackedPagesWithoutWriteAccess() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", Match.arrayWith(List.of("dynamodb:BatchGetItem", "dynamodb:GetItem")))));
        functions()
                .resourcePropertiesCountIs(
                        "AWS::IAM::Policy",
                        policyWith(Map.of("Action", Match.arrayWith(List.of("dynamodb:PutItem")))),
                        0);
    }
}
