package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.Topology;
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
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Makes a new OpenSearch domain usable on deploy: a custom resource whose small inline Node.js function, running as
 * the domain's master role inside the VPC, creates the indices, aliases and templates and maps each searching function's
 * IAM role to an OpenSearch role. It lives in its own stack and answers SUCCESS even when a call fails, so it can never
 * roll back the platform; failures are in its log group and the custom resource's reason.
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
            FunctionsStack functions) {
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
                .environment(Map.of("ENDPOINT", search.domain().getDomainEndpoint()))
                .logGroup(logs)
                .build();
        int replicas = config.search().dataNodes() > 1 ? 1 : 0;
        List<SearchCalls.Call> calls = SearchCalls.of(
                topology,
                replicas,
                fn -> functions.function(fn).function().getRole().getRoleArn());
        CustomResource.Builder.create(this, "Bootstrap")
                .resourceType("Custom::PulseSearchBootstrap")
                .serviceToken(function.getFunctionArn())
                .serviceTimeout(Duration.minutes(10))
                .properties(Map.of("Calls", toJsonString(SearchCalls.json(calls))))
                .build();
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
