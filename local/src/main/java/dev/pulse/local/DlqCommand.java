package dev.pulse.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.local.sqs.DeadLetterQueues;
import dev.pulse.local.sqs.Redriver;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code ./pulse dlq list | show QUEUE | redrive QUEUE}. The queues live in the runtime's embedded ElasticMQ, so
 * {@code ./pulse run} must be running; redrive invokes functions in this process (logs to stderr).
 */
public final class DlqCommand {
    private DlqCommand() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || (!args[0].equals("list") && args.length != 2)) {
            System.err.println("usage: ./pulse dlq list | show QUEUE | redrive QUEUE");
            System.exit(2);
        }
        LocalSettings settings = LocalSettings.fromSystem();
        Topology topology = PulseTopology.define();
        AwsClients aws = new AwsClients(PulseConfig.fromEnv(settings.platform()));
        int status = 0;
        try (var sqs = aws.sqs();
                var kinesis = aws.kinesis();
                var functions = new LocalFunctions(topology, settings, new JsonLog(System.err, false))) {
            var queues = new DeadLetterQueues(topology, sqs, new Redriver(topology, kinesis, functions, settings));
            switch (args[0]) {
                case "list" -> queues.list().forEach(System.out::println);
                case "show" -> {
                    var messages = queues.show(args[1], 100);
                    messages.forEach(message -> System.out.println(pretty(message.body())));
                    System.out.println("pulse: " + messages.size() + " message(s) on " + args[1]);
                }
                case "redrive" -> {
                    var report = queues.redrive(args[1]);
                    report.forEach(System.out::println);
                    System.out.println("pulse: "
                            + report.stream()
                                    .filter(l -> l.contains(" redriven:"))
                                    .count() + " of " + report.size() + " message(s) redriven");
                    status = report.stream().anyMatch(l -> l.contains(" kept:")) ? 1 : 0;
                }
                default -> {
                    System.err.println("usage: ./pulse dlq list | show QUEUE | redrive QUEUE");
                    status = 2;
                }
            }
        } catch (SdkClientException e) {
            System.err.println("pulse: error: cannot reach ElasticMQ at " + settings.sqsEndpoint()
                    + "; the dead-letter queues live in the local runtime: start it with ./pulse run");
            status = 1;
        } catch (SdkException e) {
            // Service errors (a queue missing from a runtime started before it was declared, say): one line, no trace.
            System.err.println("pulse: error: " + e.getMessage());
            status = 1;
        } catch (IllegalArgumentException e) {
            System.err.println("pulse: error: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Pretty JSON, or the body as it is when a message is not JSON (anything can be sent to a queue). */
    private static String pretty(String body) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(body, JsonNode.class));
        } catch (RuntimeException | JsonProcessingException e) {
            return body;
        }
    }
}
