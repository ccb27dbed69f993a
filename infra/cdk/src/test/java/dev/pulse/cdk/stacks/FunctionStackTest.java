package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.Observability;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every function stack, asserted across all of them (their templates merged) and one by one. */
class FunctionStackTest {
    private static Template template;

    @BeforeAll
    static void synth() {
        template = Synth.dev().template("Functions");
    }

    @Test
    void everyTopologyFunction_becomesOneFunctionWithOneLiveAlias() {
        int functions = PulseTopology.define().functions().size();
        template.resourceCountIs("AWS::Lambda::Function", functions);
        template.resourceCountIs("AWS::Lambda::Alias", functions);
        template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
    }

    @Test
    void everyFunction_isJava25OnArm64WithSnapStartOnPublishedVersions() {
        for (FunctionSpec spec : PulseTopology.define().functions()) {
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "FunctionName", "pulse-dev-" + spec.name(),
                            "Runtime", "java25",
                            "Architectures", List.of("arm64"),
                            "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                            "Handler", spec.handler())));
        }
    }

    @Test
    void memoryAndTimeout_comeFromTheTopology() {
        for (FunctionSpec spec : PulseTopology.define().functions()) {
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "FunctionName", "pulse-dev-" + spec.name(), "MemorySize", spec.memoryMb(), "Timeout", (int)
                                    spec.timeout().toSeconds())));
        }
    }

    @Test
    void everyFunction_logsToItsOwnGroupWithTheEnvironmentsRetention() {
        template.resourceCountIs(
                "AWS::Logs::LogGroup", PulseTopology.define().functions().size());
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Match.objectLike(Map.of("LogGroupName", "/aws/lambda/pulse-dev-ingest", "RetentionInDays", 7)));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of("LoggingConfig", Match.objectLike(Map.of("LogGroup", Match.anyValue())))));
    }

    @Test
    void powertoolsAndPulseSettings_areInTheEnvironment() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "FunctionName",
                        "pulse-dev-mentions",
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of(
                                        "POWERTOOLS_SERVICE_NAME", "mentions",
                                        "POWERTOOLS_METRICS_NAMESPACE", "Pulse",
                                        "POWERTOOLS_LOG_LEVEL", "DEBUG",
                                        "PULSE_PROFILE", "aws",
                                        "PULSE_ENVIRONMENT", "dev",
                                        "PULSE_OPENSEARCH_SIGV4", "true",
                                        "PULSE_OPENSEARCH_ENDPOINT", Match.anyValue(),
                                        "PULSE_REDIS_URL", Match.anyValue(),
                                        "PULSE_REDIS_AUTH_SECRET_ARN", Match.anyValue()))))));
    }

    @Test
    void everyFunction_getsTheTopologysPowertoolsSettingsForItsStage() {
        for (Synth app : List.of(Synth.dev(), Synth.prod())) {
            for (FunctionSpec spec : PulseTopology.define().functions()) {
                app.template("Functions")
                        .hasResourceProperties(
                                "AWS::Lambda::Function",
                                Match.objectLike(Map.of(
                                        "FunctionName",
                                        app.config().prefix() + "-" + spec.name(),
                                        "Environment",
                                        Map.of(
                                                "Variables",
                                                Match.objectLike(new HashMap<String, Object>(Observability.environment(
                                                        spec, app.config().stage())))))));
            }
        }
        Synth.prod()
                .template("Functions")
                .hasResourceProperties(
                        "AWS::Lambda::Function",
                        Match.objectLike(Map.of(
                                "FunctionName",
                                "pulse-prod-ingest",
                                "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(Map.of(
                                                "POWERTOOLS_SERVICE_NAME",
                                                "ingest",
                                                "POWERTOOLS_LOG_LEVEL",
                                                "INFO"))))));
    }

    @Test
    void legacyProxy_getsBothBackendsAsConfiguration_andItsTables() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "FunctionName",
                        "pulse-dev-" + PulseTopology.LEGACY_PROXY_FUNCTION,
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of(
                                        Variables.Legacy.BASE_URL,
                                        Match.stringLikeRegexp("https://.+"),
                                        Variables.Legacy.NEW_BASE_URL,
                                        Match.stringLikeRegexp("https://.+"),
                                        Access.readsAndWrites(Access.Kind.TABLE, PulseTopology.ROUTES_TABLE)
                                                .environmentVariable(),
                                        Match.anyValue()))))));
    }

    @Test
    void everyAccessGrant_namesItsResourceInTheVariableTheTopologyDerives() {
        for (FunctionSpec spec : PulseTopology.define().functions()) {
            Map<String, Object> variables = new java.util.HashMap<>();
            spec.access().forEach(a -> variables.put(a.environmentVariable(), Match.anyValue()));
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "FunctionName",
                            "pulse-dev-" + spec.name(),
                            "Environment",
                            Map.of("Variables", Match.objectLike(variables)))));
        }
        assertThat(PulseTopology.define().requireFunction("ingest").access()).isNotEmpty();
    }

    @Test
    void functionsThatReachSearchOrCache_runInTheVpcWithTheirOwnSecurityGroup() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "FunctionName",
                        "pulse-dev-mentions",
                        "VpcConfig",
                        Match.objectLike(Map.of(
                                "SecurityGroupIds", Match.anyValue(),
                                "SubnetIds", Match.anyValue())))));
    }
}
