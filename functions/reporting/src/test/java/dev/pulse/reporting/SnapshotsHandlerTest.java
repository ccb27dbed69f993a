package dev.pulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.SampleEvents;
import dev.pulse.core.testing.SteppedClock;
import dev.pulse.core.testing.TestContext;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.application.Flags;
import dev.pulse.reporting.application.InMemoryReporting;
import dev.pulse.reporting.application.JobMetrics;
import dev.pulse.reporting.application.Pacer;
import dev.pulse.reporting.application.SnapshotJob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotsHandlerTest {
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T00:15:00Z"));
    private final InMemoryReporting.Accounts accounts = new InMemoryReporting.Accounts();
    private final InMemoryReporting.Analytics analytics = new InMemoryReporting.Analytics();
    private final InMemoryReporting.Snapshots snapshots = new InMemoryReporting.Snapshots();

    private final InMemoryReporting.Checkpoint checkpoint = new InMemoryReporting.Checkpoint();
    private final InMemoryReporting.ShardsSent queue = new InMemoryReporting.ShardsSent();

    private SnapshotJob job() {
        accounts.pages.put("acct", List.of("1"));
        analytics.fans.put("1", 5L);
        return new SnapshotJob(
                accounts,
                analytics,
                analytics,
                snapshots,
                checkpoint,
                new InMemoryReporting.Letters(),
                new Flags(new InMemoryReporting.FlagsTable(), "hourly-snapshots", Duration.ZERO, clock),
                flags -> new Pacer(flags.pace(), Duration.ofSeconds(1), () -> 0, clock, d -> {}),
                JobMetrics.NONE,
                clock);
    }

    private static JsonNode invoke(SnapshotsHandler handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event),
                out,
                new TestContext(PulseTopology.HOURLY_SNAPSHOTS_FUNCTION, Duration.ofMinutes(15)));
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenEventBridgesScheduledEvent_thenTheHourBeforeItsTimeIsSnapshotted() throws Exception {
        byte[] event = Files.readAllBytes(SampleEvents.path("scheduled.json")); // time 2015-10-08T16:53:06Z

        JsonNode answer = invoke(new HourlySnapshotsHandler(job(), Optional.empty(), 2_000, clock), event);

        assertThat(answer.path("periodKey").asText()).isEqualTo("hour#2015-10-08T15:00:00Z");
        assertThat(answer.path("result").path("status").asText()).isEqualTo("complete");
        assertThat(snapshots.stored).containsOnlyKeys("acct|hour#2015-10-08T15:00:00Z");
    }

    @Test
    void givenAnOnDemandPeriod_thenThatDayIsSnapshotted() throws Exception {
        byte[] event = "{\"period\":\"2026-11-20T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

        JsonNode answer = invoke(new DailySnapshotsHandler(job(), Optional.empty(), 2_000, clock), event);

        assertThat(answer.path("periodKey").asText()).isEqualTo("day#2026-11-20T00:00:00Z");
        assertThat(answer.path("result").path("accountsWritten").asInt()).isEqualTo(1);
    }

    @Test
    void givenAShardQueue_whenScheduled_thenTheRunIsFannedOutAndNothingIsWrittenYet() throws Exception {
        accounts.pages.put("acct-2", List.of("1", "2"));
        byte[] event = "{\"period\":\"2026-11-20T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

        JsonNode answer = invoke(new DailySnapshotsHandler(job(), Optional.of(queue), 2, clock), event);

        assertThat(answer.path("fanOut").path("shards").asInt()).isEqualTo(2);
        assertThat(queue.sent).extracting(s -> s.accounts()).containsExactly(List.of("acct"), List.of("acct-2"));
        assertThat(snapshots.stored).isEmpty();
    }

    @Test
    void givenLambdasSqsEvent_thenItsShardIsSnapshotted_andTheRunCompletes() throws Exception {
        byte[] event = Files.readAllBytes(SampleEvents.path("sqs-shard.json"));

        JsonNode answer = invoke(new DailySnapshotsHandler(job(), Optional.of(queue), 2_000, clock), event);

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(snapshots.stored).containsOnlyKeys("acct|day#2026-11-20T00:00:00Z");
        assertThat(checkpoint.done(
                        dev.pulse.reporting.domain.Granularity.DAY.at(Instant.parse("2026-11-20T00:00:00Z"))))
                .containsExactly("acct");
    }

    @Test
    void givenAnSqsRecordThatIsNotAShard_thenOnlyItIsReportedAsAFailure() throws Exception {
        String sample = Files.readString(SampleEvents.path("sqs-shard.json"));
        JsonNode event = Json.mapper().readTree(sample);
        var records = (com.fasterxml.jackson.databind.node.ArrayNode) event.path("Records");
        var poison = records.get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) poison)
                .put("messageId", "poison")
                .put("body", "{}");
        records.add(poison);

        JsonNode answer = invoke(
                new DailySnapshotsHandler(job(), Optional.of(queue), 2_000, clock),
                Json.write(event).getBytes(StandardCharsets.UTF_8));

        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly("poison");
        assertThat(snapshots.stored).hasSize(1);
    }
}
