package dev.pulse.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalSettings;
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
import org.junit.jupiter.api.Test;

class SchedulerTest {
    @Test
    void givenSchedule_whenFired_thenTargetGetsTheScheduledEventForThatTime() {
        ScheduleSpec schedule = new ScheduleSpec("nightly-probe", "cron(0 3 * * ? *)", "probe", "test");
        Topology topology = new Topology(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new FunctionSpec(
                        "probe",
                        "local",
                        ScheduleProbeFunction.class.getName(),
                        256,
                        Duration.ofSeconds(5),
                        Map.of(),
                        List.of())),
                List.of(),
                List.of(schedule),
                List.of());
        LocalFunctions functions =
                new LocalFunctions(topology, LocalSettings.fromEnvironment(Map.of()), new JsonLog(System.out, false));
        Scheduler scheduler = new Scheduler(
                topology.schedules(),
                functions,
                new ScheduledEventFactory("us-east-1", "000000000000"),
                new JsonLog(System.out, false),
                Clock.systemUTC());
        ScheduleProbeFunction.RECEIVED.clear();

        scheduler.fire(schedule, ZonedDateTime.parse("2026-11-27T03:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !ScheduleProbeFunction.RECEIVED.isEmpty());
        var event = ScheduleProbeFunction.RECEIVED.getFirst();
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getTime().getMillis())
                .isEqualTo(
                        ZonedDateTime.parse("2026-11-27T03:00:00Z").toInstant().toEpochMilli());
        assertThat(event.getResources()).containsExactly("arn:aws:events:us-east-1:000000000000:rule/nightly-probe");
        scheduler.close();
        functions.close();
    }

    @Test
    void givenCronWhoseYearsArePast_whenStarted_thenItIsReportedAndNeverFires() {
        ScheduleSpec schedule = new ScheduleSpec("bygone", "cron(0 0 1 1 ? 2020)", "probe", "test");
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Scheduler scheduler = new Scheduler(
                List.of(schedule),
                new LocalFunctions(
                        new Topology(
                                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                                List.of()),
                        LocalSettings.fromEnvironment(Map.of()),
                        new JsonLog(System.out, false)),
                new ScheduledEventFactory("us-east-1", "000000000000"),
                new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), false),
                Clock.systemUTC());

        scheduler.start();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> logged.toString(StandardCharsets.UTF_8).contains("never fires again"));
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("bygone").doesNotContain("next fires at");
        scheduler.close();
    }
}
