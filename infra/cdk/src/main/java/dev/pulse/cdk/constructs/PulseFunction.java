package dev.pulse.cdk.constructs;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.FunctionSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IDestination;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One topology function as deployed: Java 25 on arm64, SnapStart on published versions, its own log group with the
 * environment's retention, and the {@code live} alias that every trigger (API, stream, schedule) invokes.
 */
public final class PulseFunction extends Construct {
    public static final String ALIAS = "live";

    private final FunctionSpec spec;
    private final Function function;
    private final Alias alias;

    /** Where the function runs, when it needs the VPC. */
    public record VpcPlacement(IVpc vpc, SubnetSelection subnets, ISecurityGroup securityGroup) {}

    public PulseFunction(
            Construct scope,
            FunctionSpec spec,
            EnvironmentConfig config,
            Code code,
            Map<String, String> environment,
            Optional<VpcPlacement> placement,
            Optional<IDestination> onAsyncFailure) {
        super(scope, "Fn-" + spec.name());
        this.spec = spec;
        String name = config.prefix() + "-" + spec.name();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + name)
                .retention(config.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(name)
                .description("Pulse " + spec.name() + " (" + spec.module() + ")")
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(spec.handler())
                .code(code)
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeout().toSeconds()))
                .environment(environment)
                .logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        placement.ifPresent(
                p -> builder.vpc(p.vpc()).vpcSubnets(p.subnets()).securityGroups(List.of(p.securityGroup())));
        function = builder.build();
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "every version is published: the live alias points at the current version");
        Alias.Builder aliasBuilder =
                Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion());
        onAsyncFailure.ifPresent(
                destination -> aliasBuilder.onFailure(destination).retryAttempts(2));
        alias = aliasBuilder.build();
    }

    public FunctionSpec spec() {
        return spec;
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }
}
