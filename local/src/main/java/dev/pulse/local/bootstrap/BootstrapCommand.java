package dev.pulse.local.bootstrap;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.PulseTopology;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./pulse bootstrap}: creates the topology's streams, tables, index templates and aliases on the local servers.
 * Queues live in the runtime's embedded ElasticMQ, so they are created when the runtime starts ({@code --with-queues}).
 */
public final class BootstrapCommand {
    private BootstrapCommand() {}

    public static void main(String[] args) {
        boolean withQueues = java.util.Arrays.asList(args).contains("--with-queues");
        Map<String, String> env = new HashMap<>(LocalProfile.environment(System.getenv()));
        PulseConfig config = PulseConfig.fromEnv(env);
        AwsClients aws = new AwsClients(config);
        try (var kinesis = aws.kinesis();
                var dynamo = aws.dynamoDb();
                var sqs = aws.sqs()) {
            var resources = new LocalResources(
                    new StreamResources(kinesis, ""),
                    new TableResources(dynamo, ""),
                    withQueues ? new QueueResources(sqs, "") : null,
                    new SearchResources(OpenSearchClients.create(config.openSearch()), ""));
            resources.ensure(PulseTopology.define(), line -> System.out.println("pulse: " + line));
        } catch (RuntimeException e) {
            System.err.println("pulse: error: bootstrap failed: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
