package dev.pulse.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.lambda.AsyncInvoker;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final String FAILURES = "probe-failures";

    private final Map<String, List<String>> sent = new ConcurrentHashMap<>();
    private final ScheduleSpec nightly =
            new ScheduleSpec("nightly-probe", "cron(0 3 * * ? *)", "probe", "test", FAILURES);
    private final ScheduleSpec broken =
            new ScheduleSpec("broken-probe", "cron(0 4 * * ? *)", "broken", "test", FAILURES);
    private final Topology topology = new Topology(
            List.of(),
            List.of(),
            List.of(QueueSpec.deadLetter(FAILURES, "failed scheduled runs")),
            List.of(),
            List.of(),
            List.of(
                    function("probe", ScheduleProbeFunction.class.getName()),
                    function("broken", FailingScheduledFunction.class.getName())),
            List.of(),
            List.of(nightly, broken),
            List.of());
    private final LocalFunctions functions =
            new LocalFunctions(topology, LocalSettings.fromEnvironment(Map.of()), new JsonLog(System.out, false));

    private static FunctionSpec function(String name, String handler) {
        return new FunctionSpec(name, "local", handler, 256, Duration.ofSeconds(5), Map.of(), List.of());
    }

    private Scheduler scheduler(List<ScheduleSpec> schedules, JsonLog log) {
        AsyncInvoker invoker = new AsyncInvoker(
                functions,
                queue -> record -> sent.computeIfAbsent(queue, q -> new CopyOnWriteArrayList<>())
                        .add(record),
                List.of(Duration.ZERO, Duration.ZERO),
                log,
                Clock.systemUTC());
        return new Scheduler(
                schedules, invoker, new ScheduledEventFactory("us-east-1", "000000000000"), log, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        functions.close();
    }

    @Test
    void givenSchedule_whenFired_thenTargetGetsTheScheduledEventForThatTime() {
        Scheduler scheduler = scheduler(topology.schedules(), new JsonLog(System.out, false));
        ScheduleProbeFunction.RECEIVED.clear();

        scheduler.fire(nightly, ZonedDateTime.parse("2026-11-27T03:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !ScheduleProbeFunction.RECEIVED.isEmpty());
        var event = ScheduleProbeFunction.RECEIVED.getFirst();
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getTime().getMillis())
                .isEqualTo(
                        ZonedDateTime.parse("2026-11-27T03:00:00Z").toInstant().toEpochMilli());
        assertThat(event.getResources()).containsExactly("arn:aws:events:us-east-1:000000000000:rule/nightly-probe");
        assertThat(sent).isEmpty();
        scheduler.close();
    }

    @Test
    void givenScheduledRunThatKeepsFailing_whenFired_thenItsEventLandsInTheSchedulesFailureQueue() {
        Scheduler scheduler = scheduler(topology.schedules(), new JsonLog(System.out, false));

        scheduler.fire(broken, ZonedDateTime.parse("2026-11-27T04:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> sent.containsKey(FAILURES));
        JsonNode record = Json.read(sent.get(FAILURES).getFirst(), JsonNode.class);
        assertThat(record.at("/requestContext/functionArn").asText()).endsWith(":function:broken:$LATEST");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.at("/requestPayload/resources/0").asText())
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/broken-probe");
        assertThat(record.at("/requestPayload/time").asText()).isEqualTo("2026-11-27T04:00:00Z");
        assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("the report source is down");
        assertThat(sent.keySet()).containsExactly(FAILURES);
        scheduler.close();
    }

    @Test
    void givenCronWhoseYearsArePast_whenStarted_thenItIsReportedAndNeverFires() {
        ScheduleSpec schedule = new ScheduleSpec("bygone", "cron(0 0 1 1 ? 2020)", "probe", "test", FAILURES);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Scheduler scheduler =
                scheduler(List.of(schedule), new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), false));

        scheduler.start();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> logged.toString(StandardCharsets.UTF_8).contains("never fires again"));
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("bygone").doesNotContain("next fires at");
        scheduler.close();
    }
}
