package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.StreamCapacity;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.StreamSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.http.HttpTestFunctions;
import dev.pulse.local.kinesis.ScriptedKinesisFunction;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.schedule.ScheduleProbeFunction;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The whole runtime from a topology: resources created, HTTP API served, stream polled, then a clean stop. */
class LocalRuntimeIT {
    @TempDir
    Path home;

    @Test
    void givenTopology_whenRuntimeStarts_thenServesRoutesPollsStreamsAndStopsCleanly() throws Exception {
        String stream = Unique.name("it-rt");
        String consumer = Unique.name("fn");
        String failures = Unique.name("it-failures");
        Topology topology = new Topology(
                List.of(StreamSpec.uniform(stream, 2, StreamCapacity.ON_DEMAND, Duration.ofHours(24))),
                List.of(),
                List.of(QueueSpec.deadLetter(failures, "on-failure")),
                List.of(),
                List.of(),
                List.of(
                        function("echo", HttpTestFunctions.Echo.class.getName()),
                        function(consumer, ScriptedKinesisFunction.class.getName()),
                        function("reporter", ScheduleProbeFunction.class.getName())),
                List.of(new RouteSpec("GET", "/echo/{id}", "echo", false)),
                List.of(new ScheduleSpec("hourly-report", "cron(0 * * * ? *)", "reporter", "test", failures)),
                List.of(new StreamMappingSpec(
                        stream,
                        consumer,
                        100,
                        Duration.ZERO,
                        StreamMappingSpec.StartingPosition.TRIM_HORIZON,
                        true,
                        true,
                        2,
                        Duration.ofHours(1),
                        1,
                        failures)));
        int sqsPort = LocalPlatform.closedPort();
        // The caller's port overrides stay (the test's own clients read them too); the API and queue ports are the
        // test's.
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.putAll(Map.of(
                "PULSE_API_PORT", "0", "PULSE_SQS_PORT", Integer.toString(sqsPort), "PULSE_HOME", home.toString()));
        LocalSettings settings = LocalSettings.fromEnvironment(variables);
        ScriptedKinesisFunction.script(consumer, (records, call) -> ScriptedKinesisFunction.ok());
        KinesisClient kinesis = new AwsClients(LocalPlatform.config()).kinesis();

        try (LocalRuntime runtime = new LocalRuntime(settings, new JsonLog(System.out, false))) {
            runtime.start(topology);
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.apiPort() + "/echo/7"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            kinesis.putRecord(p -> p.streamName(stream).partitionKey("a").data(SdkBytes.fromUtf8String("hello")));

            assertThat(response.statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            ScriptedKinesisFunction.calls(consumer).stream().anyMatch(c -> c.contains("hello")));
            assertThat(Files.list(home.resolve("checkpoints"))).isNotEmpty();
        } finally {
            kinesis.deleteStream(d -> d.streamName(stream));
            kinesis.close();
        }
        try (ServerSocket rebound = new ServerSocket(sqsPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(rebound.getLocalPort()).as("ElasticMQ released its port").isEqualTo(sqsPort);
        }
    }

    private static FunctionSpec function(String name, String handler) {
        return new FunctionSpec(name, "local", handler, 256, Duration.ofSeconds(10), Map.of(), List.of());
    }
}
