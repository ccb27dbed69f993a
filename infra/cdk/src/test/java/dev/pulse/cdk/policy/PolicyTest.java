package dev.pulse.cdk.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Rules every stack of every test app obeys: dev, prod, and the fuller fixture topology. */
class PolicyTest {
    static Stream<Synth> apps() {
        return Synth.all().stream();
    }

    static Stream<Arguments> rulesOnApps() {
        return Synth.all().stream().flatMap(app -> PolicyRules.all().stream().map(rule -> Arguments.of(app, rule)));
    }

    /**
     * Rules the stacks break today, kept visible rather than skipped: each must still find something, so fixing one
     * means removing it from here (and then it must find nothing).
     */
    static final Set<String> KNOWN_FINDINGS = Set.of();

    /** Every cdk-nag-style rule finds nothing in any stack of any test app (the web stack has its own test below). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rulesOnApps")
    void everyStack_passesTheRule(Synth app, PolicyRules.Rule rule) {
        List<String> findings = new ArrayList<>();
        app.templates()
                .forEach((stack, template) -> rule.findings(template).forEach(f -> findings.add(stack + ": " + f)));
        if (KNOWN_FINDINGS.contains(rule.id())) {
            assertThat(findings)
                    .as("known finding " + rule.id() + " is fixed: remove it from KNOWN_FINDINGS")
                    .isNotEmpty();
        } else {
            assertThat(findings).as(rule.description()).isEmpty();
        }
    }

    static Stream<PolicyRules.Rule> rules() {
        return PolicyRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theWebStack_passesTheRule(PolicyRules.Rule rule) {
        assertThat(rule.findings(WebTemplate.get())).as(rule.description()).isEmpty();
    }

    /** The rules read something: statements, roles with managed policies, and the web stack's bucket. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void theRules_haveSomethingToRead(Synth app) {
        assertThat(PolicyRules.identityStatements(app.template("Functions"))).hasSizeGreaterThan(10);
        assertThat(app.template("Functions").findResources("AWS::IAM::Role").toString())
                .contains("ManagedPolicyArns");
        assertThat(WebTemplate.get().findResources("AWS::S3::Bucket")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void allStorage_isEncrypted(Synth app) {
        app.template("Stream")
                .allResourcesProperties(
                        "AWS::Kinesis::Stream",
                        Match.objectLike(
                                Map.of("StreamEncryption", Match.objectLike(Map.of("EncryptionType", "KMS")))));
        app.template("Storage")
                .allResourcesProperties(
                        "AWS::DynamoDB::Table",
                        Match.objectLike(Map.of("SSESpecification", Match.objectLike(Map.of("SSEEnabled", true)))));
        for (String stack : List.of("Storage", "Functions")) {
            allIfAny(app.template(stack), "AWS::SQS::Queue", Match.objectLike(Map.of("SqsManagedSseEnabled", true)));
        }
        app.template("Search")
                .allResourcesProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "EncryptionAtRestOptions", Map.of("Enabled", true),
                                "NodeToNodeEncryptionOptions", Map.of("Enabled", true))));
        app.template("Cache")
                .allResourcesProperties(
                        "AWS::ElastiCache::ReplicationGroup",
                        Match.objectLike(Map.of("AtRestEncryptionEnabled", true, "TransitEncryptionEnabled", true)));
        app.template("Alerts")
                .allResourcesProperties(
                        "AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void everyAsyncFunction_hasAFailureDestinationAndAlarms(Synth app) {
        var topology = app.platform().functions().functions();
        Template functions = app.template("Functions");
        Template observability = app.template("Observability");
        String prefix = app.config().prefix() + "-";
        // A stream mapping names its on-failure destination; an SQS one relies on its queue's redrive policy.
        functions.resourcePropertiesCountIs(
                "AWS::Lambda::EventSourceMapping",
                Match.objectLike(
                        Map.of("DestinationConfig", Map.of("OnFailure", Map.of("Destination", Match.anyValue())))),
                app.topology().streamMappings().size());
        functions.resourceCountIs(
                "AWS::Lambda::EventSourceMapping",
                app.topology().streamMappings().size()
                        + app.topology().queueMappings().size());
        app.topology()
                .queueMappings()
                .forEach(mapping -> app.template("Storage")
                        .hasResourceProperties(
                                "AWS::SQS::Queue",
                                Match.objectLike(Map.of(
                                        "QueueName",
                                        prefix + mapping.queue(),
                                        "RedrivePolicy",
                                        Match.objectLike(Map.of("deadLetterTargetArn", Match.anyValue()))))));
        allIfAny(
                functions,
                "AWS::Scheduler::Schedule",
                Match.objectLike(Map.of(
                        "Target", Match.objectLike(Map.of("DeadLetterConfig", Map.of("Arn", Match.anyValue()))))));
        app.topology().schedules().forEach(schedule -> {
            String fn = schedule.function();
            functions.hasResourceProperties(
                    "AWS::Lambda::EventInvokeConfig",
                    Match.objectLike(Map.of(
                            "FunctionName",
                                    Map.of("Ref", Match.stringLikeRegexp("Fn" + fn.replace("-", "") + "Function.*")),
                            "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Match.anyValue())))));
            alarm(observability, prefix + schedule.onFailureQueue() + "-dlq-depth");
            alarm(observability, prefix + fn + "-errors");
        });
        PolicyDocuments.streamMappedFunctions(app).forEach(fn -> {
            alarm(observability, prefix + fn + "-iterator-age");
            alarm(observability, prefix + fn + "-errors");
        });
        assertThat(topology).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void nothingInSearchOrCache_isPublic(Synth app) {
        Template search = app.template("Search");
        Template cache = app.template("Cache");
        search.allResourcesProperties(
                "AWS::OpenSearchService::Domain",
                Match.objectLike(Map.of("VPCOptions", Match.objectLike(Map.of("SubnetIds", Match.anyValue())))));
        assertThat(PolicyDocuments.statements(search)
                        .filter(s -> PolicyDocuments.isAnyone(s.get("Principal")) && s.get("Condition") == null)
                        .toList())
                .isEmpty();
        cache.allResourcesProperties(
                "AWS::ElastiCache::ReplicationGroup",
                Match.objectLike(
                        Map.of("CacheSubnetGroupName", Match.anyValue(), "SecurityGroupIds", Match.anyValue())));
        for (Template template : List.of(search, cache)) {
            template.allResourcesProperties(
                    "AWS::EC2::SecurityGroupIngress",
                    Match.objectLike(Map.of("SourceSecurityGroupId", Match.anyValue(), "CidrIp", Match.absent())));
            template.allResourcesProperties(
                    "AWS::EC2::SecurityGroup", Match.objectLike(Map.of("SecurityGroupIngress", Match.absent())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void everyFunction_logsToAGroupWithRetention(Synth app) {
        int functions = 0;
        for (Template template : app.templates().values()) {
            Map<String, Map<String, Object>> found = template.findResources("AWS::Lambda::Function");
            functions += found.size();
            for (String id : found.keySet()) {
                String group = PolicyDocuments.logGroupOf(found.get(id));
                template.hasResource(
                        "AWS::Logs::LogGroup",
                        Match.objectLike(
                                Map.of("Properties", Match.objectLike(Map.of("RetentionInDays", Match.anyValue())))));
                assertThat(template.findResources("AWS::Logs::LogGroup")).containsKey(group);
                assertThat(PolicyDocuments.retentionOf(template, group)).as(id).isPositive();
            }
        }
        // the topology's functions plus the search bootstrap custom resource's function
        assertThat(functions).isEqualTo(app.platform().functions().functions().size() + 1);
    }

    /** {@code allResourcesProperties} fails on zero resources; a stack without the type has nothing to break it. */
    private static void allIfAny(Template template, String type, Object matcher) {
        if (!template.findResources(type).isEmpty()) {
            template.allResourcesProperties(type, matcher);
        }
    }

    private static void alarm(Template template, String name) {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("AlarmName", name, "AlarmActions", Match.anyValue())));
    }
}
