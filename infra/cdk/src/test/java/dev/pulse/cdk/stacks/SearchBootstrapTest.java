package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.search.SearchPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The search bootstrap stack: the custom resource that runs the topology's search plan, its function and its alarm. */
class SearchBootstrapTest {
    private static Template dev() {
        return Synth.dev().template("SearchBootstrap");
    }

    private static String calls(Synth app) {
        return app.template("SearchBootstrap")
                .findResources("Custom::PulseSearchBootstrap")
                .toString();
    }

    @Test
    void customResource_createsIndicesAliasesTemplatesAndMapsFunctionRoles() {
        dev().resourceCountIs("Custom::PulseSearchBootstrap", 1);
        String calls = calls(Synth.dev());
        assertThat(calls)
                .contains("/pages-v2\"", "/pages-v2/_alias/pages", "/_index_template/posts")
                .contains(
                        "/_plugins/_security/api/roles/pulse_ingest",
                        "/_plugins/_security/api/rolesmapping/pulse_mentions")
                .contains("FningestFunctionServiceRole");
    }

    @Test
    void customResource_carriesTheTopologysWholePlan_andTheDomainEndpoint_soAReplacedDomainIsBootstrapped() {
        dev().hasResourceProperties(
                        "Custom::PulseSearchBootstrap",
                        Match.objectLike(Map.of(
                                "Endpoint",
                                Map.of(
                                        "Fn::ImportValue",
                                        Match.stringLikeRegexp("Pulse-dev-Search:.*DomainEndpoint.*")),
                                "Calls",
                                Map.of("Fn::Join", List.of("", Match.anyValue())))));
        // The plan's JSON, with each function's role ARN left as a cross-stack import between the literal parts.
        List<Object> parts = callsJoinParts();
        String literal = parts.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .collect(Collectors.joining());
        assertThat(literal)
                .isEqualTo(SearchPlan.of(PulseTopology.define(), SearchPlan.Target.aws(0, fn -> ""))
                        .toJson());
        assertThat(parts.stream().filter(p -> !(p instanceof String)).map(Object::toString))
                .satisfiesExactly(
                        ingest -> assertThat(ingest)
                                .contains("Pulse-dev-Function-ingest:", "FningestFunctionServiceRole"),
                        mentions -> assertThat(mentions)
                                .contains("Pulse-dev-Function-mentions:", "FnmentionsFunctionServiceRole"),
                        accounts -> assertThat(accounts)
                                .contains("Pulse-dev-Function-accounts:", "FnaccountsFunctionServiceRole"),
                        hourly -> assertThat(hourly).contains("FnhourlysnapshotsFunctionServiceRole"),
                        daily -> assertThat(daily).contains("FndailysnapshotsFunctionServiceRole"),
                        retention -> assertThat(retention).contains("FnretentionFunctionServiceRole"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> callsJoinParts() {
        Map<String, Object> resource = (Map<String, Object>) dev().findResources("Custom::PulseSearchBootstrap")
                .values()
                .iterator()
                .next();
        Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
        List<Object> join = (List<Object>) ((Map<String, Object>) properties.get("Calls")).get("Fn::Join");
        return (List<Object>) join.get(1);
    }

    @Test
    void aFailedBootstrap_alarmsOnTheFunctionsErrors_toTheAlertsTopic_andIsNotRetried() {
        dev().hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "pulse-dev-search-bootstrap-errors",
                                "Namespace",
                                "AWS/Lambda",
                                "MetricName",
                                "Errors",
                                "Dimensions",
                                List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId()))),
                                "Threshold",
                                1,
                                "AlarmActions",
                                List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Pulse-dev-Alerts:.*"))),
                                "AlarmDescription",
                                Match.stringLikeRegexp(".*docs/DEPLOYING.md#bootstrap-errors"))));
        dev().hasResourceProperties(
                        "AWS::Lambda::EventInvokeConfig",
                        Map.of(
                                "FunctionName",
                                Map.of("Ref", functionId()),
                                "MaximumRetryAttempts",
                                0,
                                "Qualifier",
                                "$LATEST"));
    }

    private static String functionId() {
        return dev().findResources("AWS::Lambda::Function").keySet().iterator().next();
    }

    @Test
    void replicas_areZeroOnTheSingleNodeDevDomainAndOneInProd() {
        assertThat(calls(Synth.dev())).contains("\"number_of_replicas\":0").doesNotContain("\"number_of_replicas\":1");
        assertThat(calls(Synth.prod())).contains("\"number_of_replicas\":1").doesNotContain("\"number_of_replicas\":0");
    }

    @Test
    void function_runsInTheVpcAsTheDomainsMasterRole_withItsOwnLogRetention() {
        dev().hasResourceProperties(
                        "AWS::Lambda::Function",
                        Match.objectLike(Map.of(
                                "Runtime", "nodejs22.x",
                                "Handler", "index.handler",
                                "Code", Map.of("ZipFile", Match.stringLikeRegexp("[\\s\\S]*AWS4-HMAC-SHA256[\\s\\S]*")),
                                "Role", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*SearchAdminRole.*")),
                                "VpcConfig", Match.objectLike(Map.of("SecurityGroupIds", Match.anyValue())))));
        dev().hasResourceProperties(
                        "AWS::Logs::LogGroup",
                        Match.objectLike(Map.of(
                                "LogGroupName", "/aws/lambda/pulse-dev-search-bootstrap", "RetentionInDays", 7)));
    }

    @Test
    void masterRole_isAssumableByLambdaOnly_notByTheWholeAccount() {
        Map<String, Map<String, Object>> roles = Synth.dev()
                .template("Search")
                .findResources(
                        "AWS::IAM::Role",
                        Match.objectLike(
                                Map.of("Properties", Match.objectLike(Map.of("RoleName", "pulse-dev-search-admin")))));
        assertThat(roles).hasSize(1);
        Map<?, ?> trust = (Map<?, ?>)
                ((Map<?, ?>) roles.values().iterator().next().get("Properties")).get("AssumeRolePolicyDocument");
        assertThat((List<?>) trust.get("Statement"))
                .singleElement()
                .satisfies(s -> assertThat(((Map<?, ?>) s).get("Principal"))
                        .isEqualTo(Map.of("Service", "lambda.amazonaws.com")));
    }
}
