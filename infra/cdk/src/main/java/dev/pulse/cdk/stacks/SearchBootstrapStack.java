package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.search.SearchPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Makes a new OpenSearch domain usable on deploy: a custom resource whose small inline Node.js function, running as
 * the domain's master role inside the VPC, runs core-topology's {@link SearchPlan} (indices, aliases, templates, and
 * each searching function's security role mapped to its IAM role), the same plan the local bootstrap runs. The plan
 * and the domain endpoint are its properties, so a changed plan or a replaced domain runs it again. A failing call
 * fails the resource (its own stack rolls back, the platform does not) and raises the bootstrap-errors alarm.
 */
public final class SearchBootstrapStack extends Stack {
    static final String CODE = "dev/pulse/cdk/search-bootstrap.js";

    private final Function function;

    public SearchBootstrapStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            Topology topology,
            NetworkStack network,
            SearchStack search,
            Functions functions,
            AlertsStack alerts) {
        super(scope, id, props);
        String name = config.prefix() + "-search-bootstrap";
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + name)
                .retention(config.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        function = Function.Builder.create(this, "Function")
                .functionName(name)
                .description("Creates Pulse's OpenSearch indices and security roles (custom resource)")
                .runtime(Runtime.NODEJS_22_X)
                .architecture(Architecture.ARM_64)
                .handler("index.handler")
                .code(Code.fromInline(source()))
                .memorySize(256)
                .timeout(Duration.minutes(5))
                .role(search.masterRole())
                .vpc(network.vpc())
                .vpcSubnets(network.privateSubnets())
                .securityGroups(List.of(network.searchAdminGroup()))
                .logGroup(logs)
                // CloudFormation invokes it asynchronously; it has answered before it throws, so a retry would only
                // run the plan and answer again.
                .retryAttempts(0)
                .build();
        int replicas = config.search().dataNodes() > 1 ? 1 : 0;
        SearchPlan plan = SearchPlan.of(
                topology,
                SearchPlan.Target.aws(
                        replicas,
                        fn -> functions.function(fn).function().getRole().getRoleArn()));
        CustomResource.Builder.create(this, "Bootstrap")
                .resourceType("Custom::PulseSearchBootstrap")
                .serviceToken(function.getFunctionArn())
                .serviceTimeout(Duration.minutes(10))
                .properties(Map.of("Endpoint", search.domain().getDomainEndpoint(), "Calls", plan.toJson()))
                .build();
        new Alarms(this, config.prefix(), alerts.topic())
                .atLeast(
                        "search",
                        "bootstrap-errors",
                        function.metricErrors(MetricOptions.builder()
                                .period(Duration.minutes(5))
                                .build()),
                        1,
                        1,
                        "The search bootstrap failed: the domain may lack an index, alias, template or role.");
    }

    static String source() {
        try (InputStream in = SearchBootstrapStack.class.getClassLoader().getResourceAsStream(CODE)) {
            if (in == null) {
                throw new IllegalStateException(CODE + " is not on the classpath");
            }
            String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (code.length() > 4096) {
                throw new IllegalStateException(CODE + " exceeds CloudFormation's 4 KB inline code limit");
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Function function() {
        return function;
    }
}
