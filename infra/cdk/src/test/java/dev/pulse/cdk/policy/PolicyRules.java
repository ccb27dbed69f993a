package dev.pulse.cdk.policy;

import static dev.pulse.cdk.policy.Cfn.at;
import static dev.pulse.cdk.policy.Cfn.list;
import static dev.pulse.cdk.policy.Cfn.properties;
import static dev.pulse.cdk.policy.Cfn.render;
import static dev.pulse.cdk.policy.Cfn.resources;

import dev.pulse.core.topology.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.assertions.Template;

/**
 * The AWS Solutions checks that cdk-nag would run (it does not resolve here), as plain functions of a template. Each
 * returns its findings, one line per offending resource or statement, so a test can assert none on the real stacks
 * and at least one on a planted violation ({@code PolicyRulesPlantedTest}). Exceptions are justified here, in one
 * place, as cdk-nag suppressions would be.
 */
public final class PolicyRules {
    /** One rule: its cdk-nag-style id, what it asks, and the check. */
    public record Rule(String id, String description, Function<Template, List<String>> check) {
        public List<String> findings(Template template) {
            return check.apply(template);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * Wildcard action families that CDK's own grants emit, always on one named resource (a key, a bucket): allowed only
     * there, never on {@code *}.
     */
    static final Set<String> JUSTIFIED_ACTION_FAMILIES = Set.of(
            "kms:ReEncrypt*", // key.grantEncryptDecrypt, on the stream's or a queue's key only
            "kms:GenerateDataKey*",
            "s3:GetObject*", // bucket.grantRead/ReadWrite (the web stack's BucketDeployment), on one bucket
            "s3:GetBucket*",
            "s3:List*",
            "s3:DeleteObject*",
            "s3:PutObject*",
            "s3:Abort*");

    /** Actions that AWS authorizes only on {@code "Resource": "*"}, so {@code *} is the narrowest resource there is. */
    static final Set<String> ACTIONS_ONLY_ON_ANY_RESOURCE = Set.of(
            "xray:PutTraceSegments",
            "xray:PutTelemetryRecords",
            "xray:GetSamplingRules",
            "xray:GetSamplingTargets",
            "cloudwatch:PutMetricData",
            "ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses",
            "ec2:UnassignPrivateIpAddresses",
            "kinesis:ListStreams");

    /**
     * Statements on {@code *} that CDK constructs write themselves, each with why it is acceptable (a cdk-nag
     * suppression would say the same).
     */
    static final Map<String, String> JUSTIFIED_ON_ANY_RESOURCE = Map.of(
            "cloudfront:CreateInvalidation",
            "BucketDeployment's own handler role; it invalidates only the paths of the web stack's distribution",
            "cloudfront:GetInvalidation",
            "BucketDeployment's own handler role, polling the invalidation it made");

    /** AWS managed policies a role may attach (cdk-nag AwsSolutions-IAM4), each with the reason it is acceptable. */
    static final Map<String, String> JUSTIFIED_MANAGED_POLICIES = Map.of(
            "service-role/AWSLambdaBasicExecutionRole",
            "Lambda's log delivery (logs:CreateLogStream/PutLogEvents); every function has its own log group",
            "service-role/AWSLambdaVPCAccessExecutionRole",
            "a VPC function's ENI management, which EC2 authorizes only on *",
            "service-role/AWSCodeDeployRoleForLambdaLimited",
            "CodeDeploy's canary shifts the live alias and invokes only hooks named for CodeDeploy");

    private static final Pattern MANAGED_POLICY = Pattern.compile(":iam::aws:policy/(.+)$");
    private static final Pattern ANY_OF_A_TYPE = Pattern.compile("(^\\*$)|(:\\*$)|(:[A-Za-z-]+/\\*$)");

    private PolicyRules() {}

    public static List<Rule> all() {
        return List.of(
                new Rule(
                        "IAM5-actions",
                        "no wildcard action in an identity policy, except CDK's grant families on one resource",
                        PolicyRules::wildcardActions),
                new Rule(
                        "IAM5-resources",
                        "no identity policy on every resource (or every resource of a type), except actions AWS"
                                + " authorizes only on *",
                        PolicyRules::wildcardResources),
                new Rule(
                        "IAM4",
                        "AWS managed policies are read, and only justified ones are attached",
                        PolicyRules::managedPolicies),
                new Rule(
                        "IAM-search-paths",
                        "OpenSearch HTTP actions name an index path, never the whole domain",
                        PolicyRules::wholeDomainGrants),
                new Rule("IAM-trust", "no role trusts a whole account", PolicyRules::accountTrust),
                new Rule(
                        "KMS-service-conditions",
                        "a key policy granting a service carries aws:SourceAccount or aws:SourceArn",
                        PolicyRules::serviceGrantsWithoutSource),
                new Rule("KMS5", "every key rotates", PolicyRules::keyRotation),
                new Rule(
                        "EC2-egress",
                        "no security group allows all egress; only HTTPS may leave for the gateway endpoints",
                        PolicyRules::openEgress),
                new Rule("S1-S2-S10", "buckets block public access and deny non-TLS requests", PolicyRules::buckets),
                new Rule("SQS2-SQS4", "queues are encrypted and deny non-TLS requests", PolicyRules::queues),
                new Rule("SNS2-SNS3", "topics are encrypted and deny non-TLS requests", PolicyRules::topics),
                new Rule("DDB3", "every table has point-in-time recovery", PolicyRules::pointInTimeRecovery),
                new Rule(
                        "L1-VPC",
                        "a function that reaches OpenSearch or Redis runs in the VPC with a security group",
                        PolicyRules::vpcFunctions),
                new Rule(
                        "CW-retention",
                        "every log group has a retention, and every function logs to a group of its stack",
                        PolicyRules::logRetention),
                new Rule(
                        "OS1-OS2-OS3-OS8",
                        "OpenSearch domains are in a VPC, encrypted at rest and node to node, HTTPS and TLS 1.2 only,"
                                + " with fine-grained access control",
                        PolicyRules::searchDomains),
                new Rule("APIG1", "every API stage writes access logs", PolicyRules::apiAccessLogs));
    }

    /** Identity-policy statements, each with where it came from. */
    record Located(String where, Map<String, Object> statement) {}

    @SuppressWarnings("unchecked")
    static List<Located> identityStatements(Template template) {
        List<Located> out = new ArrayList<>();
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            resources(template, type)
                    .forEach((id, r) -> statementsOf(at(properties(r), "PolicyDocument"))
                            .forEach(s -> out.add(new Located(id, s))));
        }
        for (String type : List.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group")) {
            resources(template, type)
                    .forEach((id, r) -> list(properties(r).get("Policies"))
                            .forEach(p ->
                                    statementsOf(at(p, "PolicyDocument")).forEach(s -> out.add(new Located(id, s)))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statementsOf(Object document) {
        return list(at(document, "Statement")).stream()
                .map(s -> (Map<String, Object>) s)
                .toList();
    }

    static boolean allows(Map<String, Object> statement) {
        return "Allow".equals(statement.get("Effect"));
    }

    static List<String> actions(Map<String, Object> statement) {
        return list(statement.get("Action")).stream().map(Cfn::render).toList();
    }

    static List<String> resourcesOf(Map<String, Object> statement) {
        return list(statement.get("Resource")).stream().map(Cfn::render).toList();
    }

    static List<String> wildcardActions(Template template) {
        List<String> findings = new ArrayList<>();
        for (Located l : identityStatements(template)) {
            Map<String, Object> s = l.statement();
            if (!allows(s)) {
                continue;
            }
            if (s.containsKey("NotAction")) {
                findings.add(l.where() + ": NotAction " + s.get("NotAction"));
            }
            boolean scoped = resourcesOf(s).stream()
                    .noneMatch(r -> ANY_OF_A_TYPE.matcher(r).find());
            for (String action : actions(s)) {
                if (action.contains("*") && !(scoped && JUSTIFIED_ACTION_FAMILIES.contains(action))) {
                    findings.add(l.where() + ": " + action + " on " + resourcesOf(s));
                }
            }
        }
        return findings;
    }

    static List<String> wildcardResources(Template template) {
        List<String> findings = new ArrayList<>();
        for (Located l : identityStatements(template)) {
            Map<String, Object> s = l.statement();
            if (!allows(s)) {
                continue;
            }
            if (s.containsKey("NotResource")) {
                findings.add(l.where() + ": NotResource " + s.get("NotResource"));
            }
            boolean onAny = resourcesOf(s).stream()
                    .anyMatch(r -> ANY_OF_A_TYPE.matcher(r).find());
            boolean justified = actions(s).stream()
                    .allMatch(
                            a -> ACTIONS_ONLY_ON_ANY_RESOURCE.contains(a) || JUSTIFIED_ON_ANY_RESOURCE.containsKey(a));
            if (onAny && !justified) {
                findings.add(l.where() + ": " + actions(s) + " on " + resourcesOf(s));
            }
        }
        return findings;
    }

    static List<String> managedPolicies(Template template) {
        List<String> findings = new ArrayList<>();
        for (String type : List.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group")) {
            resources(template, type).forEach((id, r) -> {
                for (Object arn : list(properties(r).get("ManagedPolicyArns"))) {
                    Matcher m = MANAGED_POLICY.matcher(render(arn));
                    if (m.find() && !JUSTIFIED_MANAGED_POLICIES.containsKey(m.group(1))) {
                        findings.add(id + ": AWS managed policy " + m.group(1) + " is not justified");
                    }
                }
            });
        }
        return findings;
    }

    /**
     * An {@code es:} action on the domain ARN itself or the domain ARN followed by {@code /*}, except in a policy of
     * the role that a domain of the same template names as its fine-grained master user: that role administers the
     * whole domain by design.
     */
    public static List<String> wholeDomainGrants(Template template) {
        List<String> masters = resources(template, "AWS::OpenSearchService::Domain").values().stream()
                .map(d -> render(at(properties(d), "AdvancedSecurityOptions", "MasterUserOptions", "MasterUserARN")))
                .toList();
        List<String> findings = new ArrayList<>();
        for (String id : resources(template, "AWS::IAM::Policy").keySet()) {
            Map<String, Object> policy =
                    properties(resources(template, "AWS::IAM::Policy").get(id));
            boolean master = list(policy.get("Roles")).stream()
                    .map(r -> render(r).replaceAll("^\\$\\{Ref:(.*)}$", "\\${GetAtt:$1.Arn}"))
                    .anyMatch(masters::contains);
            if (master) {
                continue;
            }
            statementsOf(policy.get("PolicyDocument")).forEach(s -> wholeDomain(id, s, findings));
        }
        return findings;
    }

    private static void wholeDomain(String where, Map<String, Object> s, List<String> findings) {
        {
            if (!allows(s) || actions(s).stream().noneMatch(a -> a.startsWith("es:"))) {
                return;
            }
            for (String resource : resourcesOf(s)) {
                String path = pathAfterDomain(resource);
                if (path.isEmpty() || path.equals("/*") || path.equals("*")) {
                    findings.add(where + ": " + actions(s) + " on the whole domain " + resource);
                }
            }
        }
    }

    /** The part after {@code domain/NAME} in a literal ARN, or after the leading intrinsic in a token ARN. */
    public static String pathAfterDomain(String resource) {
        Matcher literal =
                Pattern.compile("^arn:[^:]+:es:[^:]*:[^:]*:domain/[^/]+(.*)$").matcher(resource);
        if (literal.matches()) {
            return literal.group(1);
        }
        Matcher token = Pattern.compile("^\\$\\{[^}]+}(.*)$").matcher(resource);
        return token.matches() ? token.group(1) : resource;
    }

    static List<String> accountTrust(Template template) {
        List<String> findings = new ArrayList<>();
        resources(template, "AWS::IAM::Role").forEach((id, r) -> {
            for (Map<String, Object> s : statementsOf(properties(r).get("AssumeRolePolicyDocument"))) {
                for (Object principal : list(at(s, "Principal", "AWS"))) {
                    String p = render(principal);
                    if ((p.endsWith(":root") || p.matches("\\d{12}") || p.equals("*")) && s.get("Condition") == null) {
                        findings.add(id + ": trusts " + p);
                    }
                }
            }
        });
        return findings;
    }

    static List<String> serviceGrantsWithoutSource(Template template) {
        List<String> findings = new ArrayList<>();
        resources(template, "AWS::KMS::Key").forEach((id, r) -> {
            for (Map<String, Object> s : statementsOf(properties(r).get("KeyPolicy"))) {
                if (allows(s) && at(s, "Principal", "Service") != null) {
                    String condition = String.valueOf(s.get("Condition"));
                    if (!condition.contains("aws:SourceAccount") && !condition.contains("aws:SourceArn")) {
                        findings.add(id + ": " + at(s, "Principal", "Service") + " without a source condition");
                    }
                }
            }
        });
        return findings;
    }

    static List<String> keyRotation(Template template) {
        List<String> findings = new ArrayList<>();
        resources(template, "AWS::KMS::Key").forEach((id, r) -> {
            if (!Boolean.TRUE.equals(properties(r).get("EnableKeyRotation"))) {
                findings.add(id + ": no key rotation");
            }
        });
        return findings;
    }

    static List<String> openEgress(Template template) {
        List<String> findings = new ArrayList<>();
        resources(template, "AWS::EC2::SecurityGroup")
                .forEach((id, r) -> list(properties(r).get("SecurityGroupEgress"))
                        .forEach(rule -> egress(id, rule).ifPresent(findings::add)));
        resources(template, "AWS::EC2::SecurityGroupEgress")
                .forEach((id, r) -> egress(id, properties(r)).ifPresent(findings::add));
        return findings;
    }

    private static java.util.Optional<String> egress(String id, Object rule) {
        String cidr = render(at(rule, "CidrIp")) + render(at(rule, "CidrIpv6"));
        if (!cidr.equals("0.0.0.0/0") && !cidr.equals("::/0")) {
            return java.util.Optional.empty();
        }
        boolean httpsOnly = "tcp".equals(at(rule, "IpProtocol"))
                && at(rule, "FromPort") instanceof Number from
                && from.intValue() == 443
                && at(rule, "ToPort") instanceof Number to
                && to.intValue() == 443;
        return httpsOnly ? java.util.Optional.empty() : java.util.Optional.of(id + ": egress " + rule);
    }

    static List<String> buckets(Template template) {
        List<String> findings = new ArrayList<>();
        Map<String, Map<String, Object>> policies = resources(template, "AWS::S3::BucketPolicy");
        resources(template, "AWS::S3::Bucket").forEach((id, r) -> {
            Object block = properties(r).get("PublicAccessBlockConfiguration");
            for (String flag :
                    List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                if (!Boolean.TRUE.equals(at(block, flag))) {
                    findings.add(id + ": " + flag + " is not set");
                }
            }
            boolean tls = policies.values().stream()
                    .filter(p ->
                            ("${Ref:" + id + "}").equals(render(properties(p).get("Bucket"))))
                    .anyMatch(p -> deniesInsecureTransport(properties(p).get("PolicyDocument")));
            if (!tls) {
                findings.add(id + ": no policy denies requests without TLS");
            }
        });
        return findings;
    }

    static List<String> queues(Template template) {
        List<String> findings = new ArrayList<>();
        Map<String, Map<String, Object>> policies = resources(template, "AWS::SQS::QueuePolicy");
        resources(template, "AWS::SQS::Queue").forEach((id, r) -> {
            Map<String, Object> p = properties(r);
            if (!Boolean.TRUE.equals(p.get("SqsManagedSseEnabled")) && p.get("KmsMasterKeyId") == null) {
                findings.add(id + ": not encrypted");
            }
            boolean tls = policies.values().stream()
                    .filter(q -> list(properties(q).get("Queues")).stream()
                            .anyMatch(ref -> render(ref).contains(id)))
                    .anyMatch(q -> deniesInsecureTransport(properties(q).get("PolicyDocument")));
            if (!tls) {
                findings.add(id + ": no policy denies requests without TLS");
            }
        });
        return findings;
    }

    static List<String> topics(Template template) {
        List<String> findings = new ArrayList<>();
        Map<String, Map<String, Object>> policies = resources(template, "AWS::SNS::TopicPolicy");
        resources(template, "AWS::SNS::Topic").forEach((id, r) -> {
            if (properties(r).get("KmsMasterKeyId") == null) {
                findings.add(id + ": not encrypted");
            }
            boolean tls = policies.values().stream()
                    .filter(q -> list(properties(q).get("Topics")).stream()
                            .anyMatch(ref -> render(ref).contains(id)))
                    .anyMatch(q -> deniesInsecureTransport(properties(q).get("PolicyDocument")));
            if (!tls) {
                findings.add(id + ": no policy denies requests without TLS");
            }
        });
        return findings;
    }

    private static boolean deniesInsecureTransport(Object document) {
        return statementsOf(document).stream()
                .anyMatch(s -> "Deny".equals(s.get("Effect"))
                        && "false".equals(String.valueOf(at(s, "Condition", "Bool", "aws:SecureTransport"))));
    }

    static List<String> pointInTimeRecovery(Template template) {
        List<String> findings = new ArrayList<>();
        resources(template, "AWS::DynamoDB::Table").forEach((id, r) -> {
            Object pitr = at(properties(r), "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled");
            if (!Boolean.TRUE.equals(pitr)) {
                findings.add(id + ": no point-in-time recovery");
            }
        });
        return findings;
    }

    static List<String> vpcFunctions(Template template) {
        List<String> findings = new ArrayList<>();
        resources(template, "AWS::Lambda::Function").forEach((id, r) -> {
            Object variables = at(properties(r), "Environment", "Variables");
            boolean private_ =
                    at(variables, Variables.OpenSearch.ENDPOINT) != null || at(variables, Variables.Redis.URL) != null;
            Object vpc = properties(r).get("VpcConfig");
            if (private_
                    && (list(at(vpc, "SubnetIds")).isEmpty()
                            || list(at(vpc, "SecurityGroupIds")).isEmpty())) {
                findings.add(id + ": reaches OpenSearch or Redis but is not placed in the VPC");
            }
        });
        return findings;
    }

    static List<String> logRetention(Template template) {
        List<String> findings = new ArrayList<>();
        Map<String, Map<String, Object>> groups = resources(template, "AWS::Logs::LogGroup");
        groups.forEach((id, r) -> {
            if (!(properties(r).get("RetentionInDays") instanceof Number n) || n.intValue() <= 0) {
                findings.add(id + ": log group without retention");
            }
        });
        resources(template, "AWS::Lambda::Function").forEach((id, r) -> {
            String group = render(at(properties(r), "LoggingConfig", "LogGroup"));
            if (!groups.containsKey(group.replaceAll("^\\$\\{Ref:(.*)}$", "$1"))) {
                findings.add(id + ": logs to " + (group.isEmpty() ? "Lambda's default group, kept forever" : group));
            }
        });
        return findings;
    }

    static List<String> searchDomains(Template template) {
        List<String> findings = new ArrayList<>();
        resources(template, "AWS::OpenSearchService::Domain").forEach((id, r) -> {
            Map<String, Object> p = properties(r);
            Map<String, Object> expected = Map.of(
                    "EncryptionAtRestOptions.Enabled", true,
                    "NodeToNodeEncryptionOptions.Enabled", true,
                    "DomainEndpointOptions.EnforceHTTPS", true,
                    "DomainEndpointOptions.TLSSecurityPolicy", "Policy-Min-TLS-1-2-2019-07",
                    "AdvancedSecurityOptions.Enabled", true);
            expected.forEach((path, value) -> {
                if (!value.equals(at(p, path.split("\\.")))) {
                    findings.add(id + ": " + path + " is not " + value);
                }
            });
            if (list(at(p, "VPCOptions", "SubnetIds")).isEmpty()) {
                findings.add(id + ": not in a VPC");
            }
        });
        return findings;
    }

    static List<String> apiAccessLogs(Template template) {
        List<String> findings = new ArrayList<>();
        for (String type : List.of("AWS::ApiGatewayV2::Stage", "AWS::ApiGateway::Stage")) {
            resources(template, type).forEach((id, r) -> {
                Object settings = properties(r).get("AccessLogSettings");
                if (at(settings, "DestinationArn") == null || at(settings, "Format") == null) {
                    findings.add(id + ": no access logs");
                }
            });
        }
        return findings;
    }
}
