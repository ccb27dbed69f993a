package dev.pulse.cdk.stacks;

import static dev.pulse.cdk.stacks.Statements.policyWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import dev.pulse.cdk.policy.Cfn;
import dev.pulse.cdk.policy.PolicyRules;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class GrantsTest {
    private static Template functions() {
        return Synth.dev().template("Functions");
    }

    /** Every statement of the inline policies attached to the role of the function whose logical id starts so. */
    private static List<Map<?, ?>> statementsOfRole(String functionId) {
        Map<String, Map<String, Object>> policies = functions()
                .findResources(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(Map.of(
                                        "Roles",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Ref", Match.stringLikeRegexp(functionId + "ServiceRole.*"))))))))));
        assertThat(policies).as("policies of " + functionId).isNotEmpty();
        List<Map<?, ?>> statements = new ArrayList<>();
        for (Map<String, Object> policy : policies.values()) {
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument");
            ((List<?>) document.get("Statement")).forEach(s -> statements.add((Map<?, ?>) s));
        }
        return statements;
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
        List<Map<?, ?>> search = statementsOfRole("FnmentionsFunction").stream()
                .filter(s -> String.valueOf(s.get("Action")).contains("es:"))
                .toList();
        assertThat(search).isNotEmpty();
        for (Map<?, ?> statement : search) {
            String actions = String.valueOf(statement.get("Action"));
            String resources = String.valueOf(statement.get("Resource"));
            assertThat(actions).doesNotContain("ESHttpPut", "ESHttpDelete", "ESHttpPatch", "es:*");
            if (actions.contains("ESHttpPost")) {
                // POST carries search bodies only: to _search and _msearch, never to _bulk or a document path
                assertThat(resources).doesNotContain("_bulk").containsPattern("/_m?search");
                assertThat(resources.replaceAll("/pages(-\\*)?/_m?search", "")).doesNotContain("/pages");
            }
            assertThat(resources).doesNotContain("posts");
        }
    }

    @Test
    void aliasGrants_coverEveryIndexVersion_notOnlyTheCurrentOne() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action", List.of("es:ESHttpGet", "es:ESHttpHead"),
                                "Resource",
                                        Match.arrayWith(List.of(Map.of(
                                                "Fn::Join", List.of("", Match.arrayWith(List.of("/pages-*/*")))))))));
        assertThat(functions().toJSON().toString()).doesNotContain("pages-v2");
    }

    @Test
    void mentions_mayPostSearchesToThePagesAlias_only() {
        functions()
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        policyWith(Map.of(
                                "Action",
                                "es:ESHttpPost",
                                "Resource",
                                Match.arrayWith(List.of(
                                        Map.of("Fn::Join", List.of("", Match.arrayWith(List.of("/pages/_msearch")))),
                                        Map.of(
                                                "Fn::Join",
                                                List.of("", Match.arrayWith(List.of("/pages-*/_msearch")))))))));
    }

    @Test
    void theAuthTokenSecret_isReadableByExactlyTheCachingFunctions() {
        long caching = PulseTopology.define().functions().stream()
                .filter(f -> f.access().stream().anyMatch(a -> a.kind() == Access.Kind.CACHE))
                .count();
        assertThat(caching).isEqualTo(2);
        Map<String, Map<String, Object>> readers = functions()
                .findResources(
                        "AWS::IAM::Policy",
                        Map.of(
                                "Properties",
                                policyWith(
                                        Map.of("Action", Match.arrayWith(List.of("secretsmanager:GetSecretValue"))))));
        assertThat(readers).hasSize((int) caching);
        assertThat(readers.values().toString())
                .contains("FnmentionsFunctionServiceRole", "FnaccountsFunctionServiceRole")
                .doesNotContain("Fningest");
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
        // grantReadWrite on the domain would give an array [domainArn, domainArn/*]: the rule renders every
        // resource of every es: statement, array or not, and reports a bare domain ARN or domain/*.
        for (Synth app : Synth.all()) {
            assertThat(PolicyRules.wholeDomainGrants(app.template("Functions"))).isEmpty();
            assertThat(PolicyRules.wholeDomainGrants(app.template("Search"))).isEmpty();
        }
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
        // Accounts writes tracked-pages' per-page account sets; ingest's own role may only read.
        Map<String, Map<String, Object>> writers = functions()
                .findResources(
                        "AWS::IAM::Policy",
                        Map.of(
                                "Properties",
                                policyWith(Map.of("Action", Match.arrayWith(List.of("dynamodb:PutItem"))))));
        assertThat(writers).isNotEmpty();
        assertThat(writers.values().toString())
                .contains("FnaccountsFunctionServiceRole")
                .doesNotContain("Fningest");
    }

    @Test
    void trackedReconcile_readsAccountPages_butNeverWritesIt() {
        Map<String, Map<String, Object>> policies = functions()
                .findResources(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(Map.of(
                                        "Roles",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Ref", Match.stringLikeRegexp("FntrackedreconcileFunction.*"))))))))));
        List<String> onAccountPages = new ArrayList<>();
        List<String> everything = new ArrayList<>();
        for (Map<String, Object> policy : policies.values()) {
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument");
            for (Object statement : (List<?>) document.get("Statement")) {
                Map<?, ?> s = (Map<?, ?>) statement;
                everything.add(s.toString());
                if (String.valueOf(s.get("Resource")).contains("Tableaccountpages")) {
                    onAccountPages.add(String.valueOf(s.get("Action")));
                }
            }
        }

        assertThat(policies).hasSize(1);
        assertThat(onAccountPages)
                .isNotEmpty()
                .anyMatch(actions -> actions.contains("dynamodb:Scan"))
                .noneMatch(actions -> actions.contains("dynamodb:PutItem")
                        || actions.contains("dynamodb:UpdateItem")
                        || actions.contains("dynamodb:DeleteItem")
                        || actions.contains("dynamodb:BatchWriteItem"));
        assertThat(String.join("\n", everything))
                .contains("Tabletrackedpages", "Tableaccounts")
                .doesNotContain("Tablemembers", "Tableidempotency", "Tablereports", "es:ESHttp", "kinesis:");
    }

    /** Each es: statement of a role as "action -> resource" lines, one per action and resource. */
    private static List<String> searchGrants(String functionId) {
        List<String> grants = new ArrayList<>();
        for (Map<?, ?> statement : statementsOfRole(functionId)) {
            List<?> actions = statement.get("Action") instanceof List<?> l ? l : List.of(statement.get("Action"));
            List<?> resources = statement.get("Resource") instanceof List<?> l ? l : List.of(statement.get("Resource"));
            for (Object action : actions) {
                if (!String.valueOf(action).startsWith("es:")) {
                    continue;
                }
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                for (Object resource : resources) {
                    grants.add(action + " -> <domain>" + PolicyRules.pathAfterDomain(Cfn.render(resource)));
                }
            }
        }
        return grants;
    }

    @Test
    void snapshotJobs_mayOnlyPostSearchesToThePagesAliasAndThePostsIndices_andReadTheSearchPoolStats() {
        for (String function : List.of("FnhourlysnapshotsFunction", "FndailysnapshotsFunction")) {
            assertThat(searchGrants(function))
                    .as(function)
                    .containsExactlyInAnyOrder(
                            "es:ESHttpPost -> <domain>/pages/_search",
                            "es:ESHttpPost -> <domain>/posts-*/_search",
                            "es:ESHttpGet -> <domain>/_nodes/stats/thread_pool/search");
        }
    }

    @Test
    void retention_mayOnlyListAndDeleteWholePostsIndices_andTouchesNoPages() {
        assertThat(searchGrants("FnretentionFunction"))
                .containsExactlyInAnyOrder(
                        "es:ESHttpGet -> <domain>/_cat/indices/posts-*", "es:ESHttpDelete -> <domain>/posts-*");
    }
}
