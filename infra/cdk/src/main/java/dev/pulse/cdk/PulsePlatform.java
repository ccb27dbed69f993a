package dev.pulse.cdk;

import dev.pulse.cdk.code.CodeProvider;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.stacks.AlertsStack;
import dev.pulse.cdk.stacks.ApiStack;
import dev.pulse.cdk.stacks.CacheStack;
import dev.pulse.cdk.stacks.FunctionStack;
import dev.pulse.cdk.stacks.Functions;
import dev.pulse.cdk.stacks.NetworkStack;
import dev.pulse.cdk.stacks.ObservabilityStack;
import dev.pulse.cdk.stacks.SearchBootstrapStack;
import dev.pulse.cdk.stacks.SearchStack;
import dev.pulse.cdk.stacks.StorageStack;
import dev.pulse.cdk.stacks.StreamStack;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * The whole platform for one environment: nine shared stacks and one stack per function, built from the topology, the
 * environment and the code.
 */
public record PulsePlatform(
        NetworkStack network,
        AlertsStack alerts,
        StreamStack stream,
        StorageStack storage,
        SearchStack search,
        CacheStack cache,
        Functions functions,
        ApiStack api,
        ObservabilityStack observability,
        SearchBootstrapStack searchBootstrap) {

    /**
     * Settings an operator passes as CDK context. {@code zones} names the availability zones explicitly, so synth
     * needs no AZ lookup (and so no credentials); empty means let CDK pick {@code maxAzs} zones. {@code searchAdmins}
     * are the IAM role ARNs (existing roles: IAM rejects a trust policy naming one that does not exist) that may
     * assume the OpenSearch master role besides the search bootstrap function; none by default.
     */
    public record Options(
            Environment account, Optional<String> alarmEmail, List<String> zones, List<String> searchAdmins) {
        public Options {
            zones = List.copyOf(zones);
            searchAdmins = List.copyOf(searchAdmins);
            for (String admin : searchAdmins) {
                if (!admin.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
                    throw new IllegalArgumentException("searchAdmins takes IAM role ARNs, got " + admin);
                }
            }
        }

        public Options(Environment account, Optional<String> alarmEmail, List<String> zones) {
            this(account, alarmEmail, zones, List.of());
        }

        /** The first {@code count} of a region's zones named a, b, c, which every commercial region but us-west-1 has. */
        public static List<String> defaultZones(String region, int count) {
            return List.of(region + "a", region + "b", region + "c").subList(0, count);
        }
    }

    public static PulsePlatform build(
            Construct app, Topology topology, EnvironmentConfig config, CodeProvider code, Options options) {
        Tags.of(app).add("project", "pulse");
        Tags.of(app).add("environment", config.name());
        NetworkStack network = new NetworkStack(
                app, config.stackName("Network"), props(config, options, "network"), config, topology, options.zones());
        AlertsStack alerts = new AlertsStack(
                app, config.stackName("Alerts"), props(config, options, "alarm topic"), config, options.alarmEmail());
        StreamStack stream =
                new StreamStack(app, config.stackName("Stream"), props(config, options, "Kinesis"), config, topology);
        StorageStack storage = new StorageStack(
                app,
                config.stackName("Storage"),
                props(config, options, "DynamoDB tables and SQS queues"),
                config,
                topology);
        SearchStack search = new SearchStack(
                app,
                config.stackName("Search"),
                props(config, options, "OpenSearch domain"),
                config,
                topology,
                network,
                options.searchAdmins());
        CacheStack cache = new CacheStack(
                app,
                config.stackName("Cache"),
                props(config, options, "ElastiCache for Redis"),
                config,
                topology,
                network);
        Functions functions = Functions.build(
                app,
                config,
                topology,
                code,
                new FunctionStack.Dependencies(network, stream, storage, search, cache, alerts),
                spec -> props(config, options, "function " + spec.name() + ", its triggers and canary"));
        ApiStack api = new ApiStack(
                app,
                config.stackName("Api"),
                props(config, options, "HTTP API and Cognito"),
                config,
                topology,
                functions);
        ObservabilityStack observability = new ObservabilityStack(
                app,
                config.stackName("Observability"),
                props(config, options, "alarms and dashboard"),
                config,
                topology,
                new ObservabilityStack.Watched(stream, storage, search, cache, functions, api, alerts));
        SearchBootstrapStack searchBootstrap = new SearchBootstrapStack(
                app,
                config.stackName("SearchBootstrap"),
                props(config, options, "OpenSearch indices and security roles"),
                config,
                topology,
                network,
                search,
                functions,
                alerts);
        return new PulsePlatform(
                network, alerts, stream, storage, search, cache, functions, api, observability, searchBootstrap);
    }

    private static StackProps props(EnvironmentConfig config, Options options, String what) {
        return StackProps.builder()
                .env(options.account())
                .description("Pulse " + config.name() + ": " + what)
                .terminationProtection(config.protectData())
                .build();
    }

    public List<Stack> stacks() {
        List<Stack> stacks = new ArrayList<>(List.of(network, alerts, stream, storage, search, cache));
        stacks.addAll(functions.stacks());
        stacks.addAll(List.of(api, observability, searchBootstrap));
        return List.copyOf(stacks);
    }
}
