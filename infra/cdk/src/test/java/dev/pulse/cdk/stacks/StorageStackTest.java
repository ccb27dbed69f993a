package dev.pulse.cdk.stacks;

import dev.pulse.cdk.FixtureTopology;
import dev.pulse.cdk.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class StorageStackTest {
    @Test
    void tables_areOnDemandWithPointInTimeRecoveryAndKmsEncryption() {
        Synth.dev()
                .template("Storage")
                .hasResourceProperties(
                        "AWS::DynamoDB::Table",
                        Match.objectLike(Map.of(
                                "TableName", "pulse-dev-tracked-pages",
                                "BillingMode", "PAY_PER_REQUEST",
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                                "SSESpecification", Map.of("SSEEnabled", true),
                                "KeySchema", List.of(Map.of("AttributeName", "pageId", "KeyType", "HASH")))));
    }

    @Test
    void everyTopologyTable_accountsOnesIncluded_isOnDemandWithPointInTimeRecovery() {
        for (Synth app : List.of(Synth.dev(), Synth.prod())) {
            var storage = app.template("Storage");
            storage.resourceCountIs(
                    "AWS::DynamoDB::Table", app.topology().tables().size());
            storage.allResourcesProperties(
                    "AWS::DynamoDB::Table",
                    Match.objectLike(Map.of(
                            "BillingMode",
                            "PAY_PER_REQUEST",
                            "PointInTimeRecoverySpecification",
                            Map.of("PointInTimeRecoveryEnabled", true))));
        }
        Synth.dev()
                .template("Storage")
                .hasResourceProperties(
                        "AWS::DynamoDB::Table", Match.objectLike(Map.of("TableName", "pulse-dev-account-pages")));
    }

    @Test
    void deletionProtection_isOnInProdAndOffInDev() {
        Synth.prod()
                .template("Storage")
                .hasResource(
                        "AWS::DynamoDB::Table",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(Map.of("DeletionProtectionEnabled", true)),
                                "DeletionPolicy",
                                "Retain")));
        Synth.dev()
                .template("Storage")
                .hasResourceProperties(
                        "AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionProtectionEnabled", false)));
    }

    @Test
    void givenASortKeyAndTtl_theTableHasBoth() {
        Synth.fixture()
                .template("Storage")
                .hasResourceProperties(
                        "AWS::DynamoDB::Table",
                        Match.objectLike(Map.of(
                                "TableName", "pulse-dev-" + FixtureTopology.SESSIONS_TABLE,
                                "KeySchema",
                                        Match.arrayWith(List.of(Map.of("AttributeName", "sk", "KeyType", "RANGE"))),
                                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
    }

    @Test
    void deadLetterQueues_areEncryptedKeptFourteenDaysAndTlsOnly() {
        var template = Synth.dev().template("Storage");
        for (String queue : List.of("ingest-quarantine", "ingest-failures")) {
            template.hasResourceProperties(
                    "AWS::SQS::Queue",
                    Match.objectLike(Map.of(
                            "QueueName",
                            "pulse-dev-" + queue,
                            "SqsManagedSseEnabled",
                            true,
                            "MessageRetentionPeriod",
                            1_209_600)));
        }
        template.hasResourceProperties(
                "AWS::SQS::QueuePolicy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }
}
