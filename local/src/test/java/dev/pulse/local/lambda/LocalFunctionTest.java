package dev.pulse.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Functions in the JVM behave as in Lambda: context, own environment, timeout, error payload, JSON logs. */
class LocalFunctionTest {
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final LocalFunctions functions = new LocalFunctions(
            new Topology(
                    List.of(),
                    List.of(),
                    List.of(QueueSpec.deadLetter("probe-queue", "test")),
                    List.of(),
                    List.of(),
                    List.of(probe("probe-a", "from-a", 1), probe("probe-b", "from-b", 1)),
                    List.of(),
                    List.of(),
                    List.of()),
            LocalSettings.fromEnvironment(Map.of()),
            new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), true));

    private static FunctionSpec probe(String name, String setting, int timeoutSeconds) {
        return new FunctionSpec(
                name,
                "local",
                ContextProbeFunction.class.getName(),
                512,
                Duration.ofSeconds(timeoutSeconds),
                Map.of("PROBE_SETTING", setting),
                List.of(Access.writes(Access.Kind.QUEUE, "probe-queue")));
    }

    @AfterEach
    void close() {
        functions.close();
    }

    @Test
    void givenInvocation_whenHandled_thenContextCarriesLambdaIdentityAndLimits() {
        InvocationResult result = functions.require("probe-a").invoke("{}", "req-1");

        JsonNode seen = Json.read(result.response(), JsonNode.class);
        assertThat(result.failed()).isFalse();
        assertThat(seen.get("requestId").asText()).isEqualTo("req-1");
        assertThat(seen.get("functionName").asText()).isEqualTo("probe-a");
        assertThat(seen.get("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(seen.get("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:probe-a");
        assertThat(seen.get("memory").asInt()).isEqualTo(512);
        assertThat(seen.get("remainingMs").asInt()).isBetween(1, 1_000);
        assertThat(seen.get("logGroup").asText()).isEqualTo("/aws/lambda/probe-a");
        assertThat(seen.get("logStream").asText()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
    }

    @Test
    void givenTwoFunctions_whenConstructed_thenEachReadsItsOwnEnvironment() {
        JsonNode a = Json.read(functions.require("probe-a").invoke("{}").response(), JsonNode.class);
        JsonNode b = Json.read(functions.require("probe-b").invoke("{}").response(), JsonNode.class);

        assertThat(a.get("constructedWith").asText()).isEqualTo("from-a");
        assertThat(b.get("constructedWith").asText()).isEqualTo("from-b");
        assertThat(a.get("grant").asText()).isEqualTo("probe-queue");
        assertThat(b.get("lambdaName").asText()).isEqualTo("probe-b");
    }

    @Test
    void givenFunction_whenItsEnvironmentIsBuilt_thenPowertoolsNamesItsServiceInTheTopologysNamespace() {
        Map<String, String> env =
                LocalFunctions.environment(probe("probe-a", "from-a", 1), LocalSettings.fromEnvironment(Map.of()));

        assertThat(env)
                .containsEntry("POWERTOOLS_SERVICE_NAME", "probe-a")
                .containsEntry("POWERTOOLS_METRICS_NAMESPACE", "Pulse")
                .containsEntry("PROBE_SETTING", "from-a")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "probe-a")
                .containsEntry("PULSE_PROFILE", "local");
    }

    @Test
    void givenHandlerPastTimeout_whenInvoked_thenTimedOutErrorAndNextInvocationStillWorks() {
        InvocationResult result = functions.require("probe-a").invoke("{\"sleepMs\":5000}");

        assertThat(result.timedOut()).isTrue();
        assertThat(Json.read(result.response(), JsonNode.class)
                        .get("errorMessage")
                        .asText())
                .isEqualTo("Task timed out after 1.00 seconds");
        assertThat(functions.require("probe-a").invoke("{}").failed()).isFalse();
    }

    @Test
    void givenThrowingHandler_whenInvoked_thenLambdaErrorPayload() {
        InvocationResult result = functions.require("probe-a").invoke("{\"fail\":\"bad input\"}");

        JsonNode error = Json.read(result.response(), JsonNode.class);
        assertThat(result.failed()).isTrue();
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("bad input");
    }

    @Test
    void givenInvocation_whenLogged_thenStructuredJsonLinesCarryTheRequestId() {
        functions.require("probe-a").invoke("{}", "req-logs");

        List<JsonNode> lines = logs.toString(StandardCharsets.UTF_8)
                .lines()
                .map(l -> Json.read(l, JsonNode.class))
                .toList();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("message").asText()).isEqualTo("probing req-logs");
            assertThat(l.path("AWSRequestId").asText()).isEqualTo("req-logs");
            assertThat(l.path("level").asText()).isEqualTo("INFO");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("type").asText()).isEqualTo("platform.report");
            assertThat(l.at("/record/requestId").asText()).isEqualTo("req-logs");
            assertThat(l.at("/record/metrics/memorySizeMB").asInt()).isEqualTo(512);
        });
    }
}
