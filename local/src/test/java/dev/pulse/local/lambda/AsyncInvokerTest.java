package dev.pulse.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lambda's asynchronous invocation: retries with one request id, then the on-failure record to the named queue. */
class AsyncInvokerTest {
    private static final String EVENT = "{\"fail\":\"report source unavailable\",\"detail-type\":\"Scheduled Event\"}";

    private final LocalFunctions functions = new LocalFunctions(
            new Topology(
                    List.of(),
                    List.of(),
                    List.of(QueueSpec.deadLetter("probe-failures", "test")),
                    List.of(),
                    List.of(),
                    List.of(
                            function("probe", ContextProbeFunction.class.getName()),
                            function("flaky", FlakyFunction.class.getName())),
                    List.of(),
                    List.of(),
                    List.of()),
            LocalSettings.fromEnvironment(Map.of()),
            new JsonLog(System.out, false));
    private final List<String> sentTo = new ArrayList<>();
    private final List<String> records = new ArrayList<>();
    private final AsyncInvoker invoker = new AsyncInvoker(
            functions,
            queue -> record -> {
                sentTo.add(queue);
                records.add(record);
            },
            List.of(Duration.ZERO, Duration.ZERO),
            new JsonLog(System.out, false),
            Clock.fixed(Instant.parse("2026-11-27T03:00:01.234Z"), ZoneOffset.UTC));

    private static FunctionSpec function(String name, String handler) {
        return new FunctionSpec(name, "local", handler, 256, Duration.ofSeconds(5), Map.of(), List.of());
    }

    @AfterEach
    void close() {
        functions.close();
    }

    @Test
    void givenARunThatKeepsFailing_whenInvoked_thenTheOnFailureRecordGoesToTheQueueAfterThreeAttempts() {
        InvocationResult last = invoker.run("probe", EVENT, "probe-failures");

        assertThat(last.failed()).isTrue();
        assertThat(sentTo).containsExactly("probe-failures");
        JsonNode record = Json.read(records.getFirst(), JsonNode.class);
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        assertThat(record.path("timestamp").asText()).isEqualTo("2026-11-27T03:00:01.234Z");
        assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(last.requestId());
        assertThat(record.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:probe:$LATEST");
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.path("requestPayload")).isEqualTo(Json.read(EVENT, JsonNode.class));
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("report source unavailable");
    }

    @Test
    void givenARunThatSucceedsOnRetry_whenInvoked_thenNothingIsSentAndEveryAttemptHadTheSameRequestId() {
        FlakyFunction.FAILURES.set(1);
        FlakyFunction.REQUEST_IDS.clear();

        InvocationResult last = invoker.run("flaky", "{}", "probe-failures");

        assertThat(last.failed()).isFalse();
        assertThat(records).isEmpty();
        assertThat(FlakyFunction.REQUEST_IDS).hasSize(2).containsOnly(last.requestId());
    }

    @Test
    void givenARunThatSucceeds_whenInvoked_thenItRunsOnceAndNothingIsSent() {
        InvocationResult result = invoker.run("probe", "{}", "probe-failures");

        assertThat(result.failed()).isFalse();
        assertThat(records).isEmpty();
    }
}
