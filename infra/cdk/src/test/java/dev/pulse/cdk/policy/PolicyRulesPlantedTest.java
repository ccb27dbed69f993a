package dev.pulse.cdk.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.topology.Variables;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.opensearchservice.CfnDomain;
import software.amazon.awscdk.services.opensearchservice.Domain;
import software.amazon.awscdk.services.opensearchservice.DomainAttributes;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/**
 * Each policy rule fails on a planted violation: a small stack that breaks exactly that rule. Without this, a rule
 * that reads the wrong field would pass on the real stacks for the wrong reason.
 */
class PolicyRulesPlantedTest {
    private static final String DOMAIN_ARN = "arn:aws:es:us-east-1:123456789012:domain/planted";

    /** Per rule id: what to plant in an empty stack, and a word the finding must name. */
    record Plant(Consumer<Stack> build, String named) {}

    private static final Map<String, Plant> PLANTS = Map.ofEntries(
            Map.entry(
                    "IAM5-actions",
                    new Plant(
                            s -> role(s).addToPolicy(statement(List.of("es:*"), List.of(DOMAIN_ARN + "/pages/*"))),
                            "es:*")),
            Map.entry(
                    "IAM5-resources",
                    new Plant(
                            s -> role(s).addToPolicy(statement(List.of("dynamodb:GetItem"), List.of("*"))),
                            "dynamodb:GetItem")),
            Map.entry(
                    "IAM4",
                    new Plant(
                            s -> role(s).addManagedPolicy(
                                            ManagedPolicy.fromAwsManagedPolicyName("AdministratorAccess")),
                            "AdministratorAccess")),
            Map.entry(
                    "IAM-search-paths",
                    new Plant(
                            s -> Domain.fromDomainAttributes(
                                            s,
                                            "Domain",
                                            DomainAttributes.builder()
                                                    .domainArn(DOMAIN_ARN)
                                                    .domainEndpoint("planted.us-east-1.es.amazonaws.com")
                                                    .build())
                                    .grantReadWrite(role(s)),
                            "whole domain")),
            Map.entry(
                    "IAM-trust",
                    new Plant(
                            s -> Role.Builder.create(s, "Trusting")
                                    .assumedBy(new AccountRootPrincipal())
                                    .build(),
                            ":root")),
            Map.entry(
                    "KMS-service-conditions",
                    new Plant(
                            s -> Key.Builder.create(s, "Key")
                                    .enableKeyRotation(true)
                                    .build()
                                    .addToResourcePolicy(PolicyStatement.Builder.create()
                                            .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                                            .actions(List.of("kms:Decrypt"))
                                            .resources(List.of("*"))
                                            .build()),
                            "cloudwatch")),
            Map.entry(
                    "KMS5",
                    new Plant(
                            s -> Key.Builder.create(s, "Key")
                                    .enableKeyRotation(false)
                                    .build(),
                            "rotation")),
            Map.entry(
                    "EC2-egress",
                    new Plant(
                            s -> SecurityGroup.Builder.create(s, "Open")
                                    .vpc(vpc(s))
                                    .allowAllOutbound(true)
                                    .build(),
                            "0.0.0.0/0")),
            Map.entry(
                    "S1-S2-S10",
                    new Plant(
                            s -> Bucket.Builder.create(s, "Bucket")
                                    .blockPublicAccess(BlockPublicAccess.BLOCK_ACLS)
                                    .enforceSsl(false)
                                    .build(),
                            "TLS")),
            Map.entry(
                    "SQS2-SQS4",
                    new Plant(
                            s -> Queue.Builder.create(s, "Queue")
                                    .encryption(QueueEncryption.UNENCRYPTED)
                                    .enforceSsl(false)
                                    .build(),
                            "not encrypted")),
            Map.entry(
                    "SNS2-SNS3", new Plant(s -> Topic.Builder.create(s, "Topic").build(), "not encrypted")),
            Map.entry(
                    "DDB3",
                    new Plant(
                            s -> Table.Builder.create(s, "Table")
                                    .partitionKey(Attribute.builder()
                                            .name("id")
                                            .type(AttributeType.STRING)
                                            .build())
                                    .build(),
                            "point-in-time")),
            Map.entry(
                    "L1-VPC",
                    new Plant(
                            s -> function(s, Map.of(Variables.OpenSearch.ENDPOINT, "https://planted"), true),
                            "not placed in the VPC")),
            Map.entry(
                    "CW-retention",
                    new Plant(
                            s -> {
                                function(s, Map.of(), false);
                                LogGroup.Builder.create(s, "Forever")
                                        .retention(RetentionDays.INFINITE)
                                        .build();
                            },
                            "default group")),
            Map.entry(
                    "OS1-OS2-OS3-OS8",
                    new Plant(s -> CfnDomain.Builder.create(s, "Search").build(), "EncryptionAtRestOptions")),
            Map.entry("APIG1", new Plant(s -> HttpApi.Builder.create(s, "Api").build(), "no access logs")));

    static Stream<PolicyRules.Rule> rules() {
        return PolicyRules.all().stream();
    }

    @Test
    void everyRule_hasAPlantedViolation() {
        assertThat(PLANTS.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        PolicyRules.all().stream().map(PolicyRules.Rule::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void givenAPlantedViolation_theRuleReportsIt(PolicyRules.Rule rule) {
        Plant plant = PLANTS.get(rule.id());
        assertThat(plant).as("planted violation for " + rule.id()).isNotNull();
        Stack stack = stack();
        plant.build().accept(stack);
        List<String> findings = rule.findings(Template.fromStack(stack));
        assertThat(findings).as(rule.description()).isNotEmpty();
        assertThat(String.join("\n", findings)).contains(plant.named());
    }

    @Test
    void givenTheWholeDomainGranted_throughAnImportedArn_theSearchRuleReportsIt() {
        assertThat(PolicyRules.pathAfterDomain("${Import:Pulse-dev-Search:DomainArn}/*"))
                .isEqualTo("/*");
        assertThat(PolicyRules.pathAfterDomain("${Import:Pulse-dev-Search:DomainArn}/pages/*"))
                .isEqualTo("/pages/*");
        assertThat(PolicyRules.pathAfterDomain(DOMAIN_ARN)).isEmpty();
    }

    @Test
    void givenHttpsEgressOnly_theEgressRuleAcceptsIt_andAnyOtherPortToAnywhereNot() {
        assertThat(PolicyRules.openEgress(Template.fromStack(egressTo(443)))).isEmpty();
        assertThat(PolicyRules.openEgress(Template.fromStack(egressTo(6379)))).hasSize(1);
    }

    @Test
    void givenTheDomainsMasterRole_wholeDomainGrantsAreItsAlone() {
        Stack stack = stack();
        Role master = role(stack);
        Domain domain = Domain.Builder.create(stack, "Search")
                .version(software.amazon.awscdk.services.opensearchservice.EngineVersion.OPENSEARCH_3_5)
                .nodeToNodeEncryption(true)
                .encryptionAtRest(software.amazon.awscdk.services.opensearchservice.EncryptionAtRestOptions.builder()
                        .enabled(true)
                        .build())
                .enforceHttps(true)
                .fineGrainedAccessControl(
                        software.amazon.awscdk.services.opensearchservice.AdvancedSecurityOptions.builder()
                                .masterUserArn(master.getRoleArn())
                                .build())
                .build();
        domain.grantReadWrite(master);
        domain.grantReadWrite(Role.Builder.create(stack, "Other")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build());
        List<String> findings = PolicyRules.wholeDomainGrants(Template.fromStack(stack));
        assertThat(findings).hasSize(2).allMatch(f -> f.startsWith("OtherDefaultPolicy"));
    }

    private static Stack egressTo(int port) {
        Stack stack = stack();
        SecurityGroup group = SecurityGroup.Builder.create(stack, "Group")
                .vpc(vpc(stack))
                .allowAllOutbound(false)
                .build();
        group.addEgressRule(
                software.amazon.awscdk.services.ec2.Peer.anyIpv4(),
                software.amazon.awscdk.services.ec2.Port.tcp(port),
                "to anywhere on " + port);
        return stack;
    }

    private static Stack stack() {
        return new Stack(
                new App(),
                "Planted",
                StackProps.builder()
                        .env(Environment.builder()
                                .account("123456789012")
                                .region("us-east-1")
                                .build())
                        .build());
    }

    private static Role role(Stack stack) {
        Role existing = (Role) stack.getNode().tryFindChild("Role");
        return existing != null
                ? existing
                : Role.Builder.create(stack, "Role")
                        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                        .build();
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create()
                .actions(actions)
                .resources(resources)
                .build();
    }

    private static IVpc vpc(Stack stack) {
        return Vpc.fromVpcAttributes(
                stack,
                "Vpc",
                VpcAttributes.builder()
                        .vpcId("vpc-0123456789abcdef0")
                        .availabilityZones(List.of("us-east-1a"))
                        .build());
    }

    private static void function(Stack stack, Map<String, String> environment, boolean withLogGroup) {
        Function.Builder builder = Function.Builder.create(stack, "Function")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => {};"))
                .environment(environment);
        if (withLogGroup) {
            builder.logGroup(LogGroup.Builder.create(stack, "Logs")
                    .retention(RetentionDays.ONE_WEEK)
                    .build());
        }
        builder.build();
    }
}
