package dev.pulse.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.domain.PoisonReason;
import dev.pulse.ingest.domain.PostParser;
import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    private final InMemoryAdapters.Sink sink = new InMemoryAdapters.Sink();
    private final InMemoryAdapters.Dlq dlq = new InMemoryAdapters.Dlq();
    private final InMemoryAdapters.Tracked tracked = new InMemoryAdapters.Tracked();
    private final List<BatchResult> reported = new ArrayList<>();
    private final IngestService service = new IngestService(
            new PostParser(10_000, Clock.fixed(NOW, ZoneOffset.UTC)),
            tracked,
            sink,
            dlq,
            (result, millis) -> reported.add(result),
            new IndexNames("pages", "posts"),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new WrittenPages(new WrittenPages.Policy(1_000, 100, Duration.ofMinutes(10))));

    @Test
    void givenSamePageTwiceInABatch_whenIngested_thenOneUpsertWithTheNewestData() {
        var batch = List.of(
                plain("1", post("7", "1", 100, "2026-11-26T06:00:02Z")),
                plain("2", post("7", "2", 300, "2026-11-26T06:00:09Z")),
                plain("3", post("7", "3", 200, "2026-11-26T06:00:05Z")));

        BatchResult result = service.ingest(batch, NOW.plusSeconds(5));

        assertThat(result.pagesUpserted()).isEqualTo(1);
        assertThat(sink.documents.get("pages/7")).containsEntry("fans", 300).containsEntry("pageId", "7");
        assertThat(sink.versions.get("pages/7"))
                .isEqualTo(Instant.parse("2026-11-26T06:00:09Z").toEpochMilli());
        assertThat(result.failedSequenceNumbers()).isEmpty();
    }

    @Test
    void givenOlderPageAfterNewer_whenIngestedInLaterBatch_thenThePageDoesNotRegress() {
        service.ingest(List.of(plain("1", post("7", "1", 300, "2026-11-26T06:00:09Z"))), NOW);
        BatchResult late = service.ingest(List.of(plain("2", post("7", "2", 100, "2026-11-26T06:00:02Z"))), NOW);

        assertThat(sink.documents.get("pages/7")).containsEntry("fans", 300);
        assertThat(late.superseded()).isEqualTo(1);
        assertThat(late.failedSequenceNumbers()).isEmpty();
    }

    @Test
    void givenTrackedAndUntrackedPages_whenIngested_thenOnlyTrackedPostsAreIndexedInTheirDay() {
        tracked.ids.add("7");
        var batch = List.of(
                plain("1", post("7", "1", 1, "2026-11-26T06:00:00Z")),
                plain("2", post("8", "2", 1, "2026-11-26T06:00:00Z")));

        BatchResult result = service.ingest(batch, NOW);

        assertThat(result.postsIndexed()).isEqualTo(1);
        assertThat(sink.documents).containsKeys("posts-2026.11.26/7_1", "pages/7", "pages/8");
        assertThat(sink.documents).doesNotContainKey("posts-2026.11.26/8_2");
        assertThat(sink.documents.get("posts-2026.11.26/7_1"))
                .containsEntry("postId", "7_1")
                .containsEntry("pageName", "Page 7")
                .containsKeys("createdTime", "mentions", "permalinkUrl");
    }

    @Test
    void givenPoisonInsideAnAggregate_whenIngested_thenQuarantinedWithPositionAndTheBatchSucceeds() {
        tracked.ids.add("7");
        byte[] aggregate = AggregatedRecords.encode(List.of(
                new UserRecord("7", post("7", "1", 1, "2026-11-26T06:00:00Z").getBytes(StandardCharsets.UTF_8)),
                new UserRecord("7", "{\"id\":".getBytes(StandardCharsets.UTF_8)),
                new UserRecord("7", new byte[] {'{', (byte) 0xFF, '}'})));

        BatchResult result = service.ingest(List.of(record("11", aggregate)), NOW);

        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(result.postsIn()).isEqualTo(3);
        assertThat(result.quarantined()).isEqualTo(2);
        assertThat(dlq.entries)
                .extracting(QuarantineEntry::reason, QuarantineEntry::sequenceNumber, QuarantineEntry::subSequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PoisonReason.MALFORMED_JSON, "11", 1),
                        org.assertj.core.groups.Tuple.tuple(PoisonReason.INVALID_UTF8, "11", 2));
        assertThat(dlq.entries.getFirst().shardId()).isEqualTo("shardId-000000000000");
        assertThat(java.util.Base64.getDecoder().decode(dlq.entries.getFirst().payloadBase64()))
                .isEqualTo("{\"id\":".getBytes(StandardCharsets.UTF_8));
        assertThat(sink.documents).containsKey("posts-2026.11.26/7_1");
    }

    @Test
    void givenCorruptAggregate_whenIngested_thenTheWholeRecordIsQuarantined() {
        byte[] aggregate =
                AggregatedRecords.encode(List.of(new UserRecord("7", "{}".getBytes(StandardCharsets.UTF_8))));
        aggregate[aggregate.length - 1] ^= 1;

        BatchResult result = service.ingest(List.of(record("5", aggregate)), NOW);

        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(dlq.entries).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(PoisonReason.CORRUPT_AGGREGATE);
            assertThat(e.subSequence()).isEqualTo(-1);
        });
    }

    @Test
    void givenOneSubRecordFailsTransiently_whenIngested_thenItsKinesisRecordIsReported() {
        tracked.ids.add("8");
        sink.failure = op -> op.id().equals("8_2") ? new WriteOutcome(WriteOutcome.Status.TRANSIENT, "429") : null;
        byte[] aggregate = AggregatedRecords.encode(List.of(
                new UserRecord("7", post("7", "1", 1, "2026-11-26T06:00:00Z").getBytes(StandardCharsets.UTF_8)),
                new UserRecord("8", post("8", "2", 1, "2026-11-26T06:00:00Z").getBytes(StandardCharsets.UTF_8))));
        var batch = List.of(plain("100", post("9", "3", 1, "2026-11-26T06:00:00Z")), record("200", aggregate));

        BatchResult result = service.ingest(batch, NOW);

        assertThat(result.failedSequenceNumbers()).containsExactly("200");
    }

    @Test
    void givenFailureBeforePoison_whenIngested_thenPoisonWaitsForTheReplay() {
        tracked.ids.add("7");
        sink.failure = op -> op.id().equals("7_1") ? new WriteOutcome(WriteOutcome.Status.TRANSIENT, "503") : null;
        var batch = List.of(
                plain("1", "not json"),
                plain("2", post("7", "1", 1, "2026-11-26T06:00:00Z")),
                plain("3", "{\"no\":\"id\"}"));

        BatchResult first = service.ingest(batch, NOW);
        sink.failure = op -> null;
        BatchResult replay = service.ingest(batch.subList(1, 3), NOW);

        assertThat(first.failedSequenceNumbers()).containsExactly("2");
        assertThat(replay.failedSequenceNumbers()).isEmpty();
        assertThat(dlq.entries).extracting(QuarantineEntry::sequenceNumber).containsExactly("1", "3");
    }

    @Test
    void givenRejectedDocument_whenIngested_thenItIsQuarantinedNotRetried() {
        sink.failure = op -> op.index().equals("pages")
                ? new WriteOutcome(WriteOutcome.Status.REJECTED, "400 mapper_parsing_exception")
                : null;

        BatchResult result = service.ingest(List.of(plain("1", post("7", "1", 1, "2026-11-26T06:00:00Z"))), NOW);

        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(dlq.entries)
                .singleElement()
                .extracting(QuarantineEntry::reason)
                .isEqualTo(PoisonReason.REJECTED_BY_INDEX);
    }

    @Test
    void givenQuarantineDown_whenPoisonArrives_thenItsRecordIsReported() {
        dlq.down = true;

        BatchResult result =
                service.ingest(List.of(plain("1", post("7", "1", 1, "2026-11-26T06:00:00Z")), plain("2", "{")), NOW);

        assertThat(result.failedSequenceNumbers()).containsExactly("2");
        assertThat(result.quarantined()).isZero();
    }

    @Test
    void givenTrackedPagesDown_whenIngested_thenPagesAreWrittenAndPostRecordsRetried() {
        tracked.down = true;

        BatchResult result = service.ingest(List.of(plain("1", post("7", "1", 1, "2026-11-26T06:00:00Z"))), NOW);

        assertThat(result.failedSequenceNumbers()).containsExactly("1");
        assertThat(sink.documents).containsOnlyKeys("pages/7");
    }

    @Test
    void givenTimesOutsideTheWindow_whenIngested_thenEachRecordIsQuarantinedAndTheRestOfTheBatchIndexed() {
        tracked.ids.add("7");
        var batch = List.of(
                plain("1", post("7", "1", 1, "9999-12-31T23:59:59Z")),
                plain("2", post("7", "2", 1, "+300000000-01-01T00:00:00Z")),
                plain(
                        "3",
                        post("7", "3", 1, "2026-11-26T05:30:00Z")
                                .replace("2026-11-26T05:00:00", "1999-01-01T00:00:00")),
                plain(
                        "4",
                        post("7", "4", 1, "2026-11-26T05:30:00Z")
                                .replace("2026-11-26T05:00:00", "2026-11-28T00:00:00")),
                plain("5", post("7", "5", 1, "2026-11-26T05:30:00Z")));

        BatchResult result = service.ingest(batch, NOW);

        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(result.quarantined()).isEqualTo(4);
        assertThat(dlq.entries).extracting(QuarantineEntry::sequenceNumber).containsExactly("1", "2", "3", "4");
        assertThat(dlq.entries).allSatisfy(entry -> {
            assertThat(entry.reason()).isEqualTo(PoisonReason.INVALID_VALUE);
            assertThat(entry.detail()).contains("outside the accepted window");
        });
        assertThat(sink.documents).containsOnlyKeys("pages/7", "posts-2026.11.26/7_5");
        assertThat(sink.versions.get("pages/7"))
                .isEqualTo(Instant.parse("2026-11-26T05:30:00Z").toEpochMilli());
    }

    @Test
    void givenBatch_whenIngested_thenMetricsAreReported() {
        service.ingest(List.of(plain("1", post("7", "1", 1, "2026-11-26T06:00:00Z")), plain("2", "{")), NOW);

        assertThat(reported).singleElement().satisfies(r -> {
            assertThat(r.recordsIn()).isEqualTo(2);
            assertThat(r.pagesUpserted()).isEqualTo(1);
            assertThat(r.quarantined()).isEqualTo(1);
        });
    }

    static String post(String pageId, String postId, long fans, String updated) {
        return "{\"id\":\"" + pageId + "_" + postId + "\",\"from\":{\"id\":\"" + pageId + "\",\"name\":\"Page " + pageId
                + "\",\"fan_count\":" + fans + "},\"message\":\"hi\",\"created_time\":\"2026-11-26T05:00:00+0000\","
                + "\"updated_time\":\"" + updated + "\",\"permalink_url\":\"https://example.com/" + postId + "\"}";
    }

    static InboundRecord plain(String sequence, String json) {
        return record(sequence, json.getBytes(StandardCharsets.UTF_8));
    }

    static InboundRecord record(String sequence, byte[] data) {
        return new InboundRecord("shardId-000000000000", sequence, "k", data, NOW);
    }
}
