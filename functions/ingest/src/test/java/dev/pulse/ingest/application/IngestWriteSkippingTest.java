package dev.pulse.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.domain.PostParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Page writes that change nothing mentions reads are skipped, and never at the cost of a newer page. */
class IngestWriteSkippingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final WrittenPages.Policy POLICY = new WrittenPages.Policy(1_000, 100, Duration.ofMinutes(10));

    private final InMemoryAdapters.Sink sink = new InMemoryAdapters.Sink();
    private final TickingClock clock = new TickingClock(NOW);
    private final IngestService service = service(new WrittenPages(POLICY));
    private int sequence;

    @Test
    void givenTheSamePageAgainWithFansWithinTolerance_whenIngested_thenItsWriteIsSkipped() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        BatchResult second = ingest(post("7", "Lyon", 10_050, false, "06:00:02"));

        assertThat(second.pagesSkipped()).isEqualTo(1);
        assertThat(second.pagesUpserted()).isZero();
        assertThat(second.failedSequenceNumbers()).isEmpty();
        assertThat(sink.writes).isEqualTo(1);
        assertThat(sink.documents.get("pages/7")).containsEntry("fans", 10_000);
    }

    @Test
    void givenANewName_whenIngested_thenThePageIsWritten() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        BatchResult renamed = ingest(post("7", "Olympique Lyon", 10_000, false, "06:00:02"));

        assertThat(renamed.pagesSkipped()).isZero();
        assertThat(renamed.pagesUpserted()).isEqualTo(1);
        assertThat(sink.documents.get("pages/7")).containsEntry("name", "Olympique Lyon");
    }

    @Test
    void givenVerifiedFlippedOrFansPastTolerance_whenIngested_thenThePageIsWritten() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        ingest(post("7", "Lyon", 10_000, true, "06:00:02"));
        BatchResult grown = ingest(post("7", "Lyon", 10_200, true, "06:00:03"));

        assertThat(grown.pagesUpserted()).isEqualTo(1);
        assertThat(sink.documents.get("pages/7"))
                .containsEntry("verified", true)
                .containsEntry("fans", 10_200);
        assertThat(sink.writes).isEqualTo(3);
    }

    @Test
    void givenAnotherInstanceWroteANewerNameBetween_whenTheOldNameComesBack_thenItIsWrittenNotSkipped() {
        IngestService other = service(new WrittenPages(POLICY));
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        other.ingest(List.of(plain(post("7", "Lyon FC", 10_000, false, "06:00:02"))), NOW.plusSeconds(5));

        // this instance's record still says "Lyon" was written; the index says otherwise
        BatchResult back = ingest(post("7", "Lyon", 10_000, false, "06:00:03"));

        assertThat(back.pagesSkipped()).isZero();
        assertThat(back.pagesUpserted()).isEqualTo(1);
        assertThat(sink.documents.get("pages/7")).containsEntry("name", "Lyon");
    }

    @Test
    void givenTheWriteFailedTransiently_whenTheSamePageComesAgain_thenItIsWritten() {
        sink.failure = op -> op.index().equals("pages") ? new WriteOutcome(WriteOutcome.Status.TRANSIENT, "503") : null;
        BatchResult failed = ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        sink.failure = op -> null;
        BatchResult retried = ingest(post("7", "Lyon", 10_000, false, "06:00:01"));

        assertThat(failed.failedSequenceNumbers()).hasSize(1);
        assertThat(retried.pagesSkipped()).isZero();
        assertThat(retried.pagesUpserted()).isEqualTo(1);
    }

    @Test
    void givenAWrittenPageThenAFailedWrite_whenTheSamePageComesAgain_thenItIsWrittenAgain() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        sink.failure = op -> op.index().equals("pages") ? new WriteOutcome(WriteOutcome.Status.TRANSIENT, "503") : null;
        ingest(post("7", "Lyon FC", 10_000, false, "06:00:02"));
        sink.failure = op -> null;
        // the failed write may have landed: nothing is known of the page any more
        BatchResult next = ingest(post("7", "Lyon", 10_000, false, "06:00:03"));

        assertThat(next.pagesSkipped()).isZero();
        assertThat(next.pagesUpserted()).isEqualTo(1);
    }

    @Test
    void givenAQuarantinedPageWrite_whenTheSamePageComesAgain_thenItIsNotRememberedAsWritten() {
        sink.failure =
                op -> op.index().equals("pages") ? new WriteOutcome(WriteOutcome.Status.REJECTED, "400 mapping") : null;
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        sink.failure = op -> null;
        BatchResult next = ingest(post("7", "Lyon", 10_000, false, "06:00:02"));

        assertThat(next.pagesUpserted()).isEqualTo(1);
    }

    @Test
    void givenASupersededWrite_whenTheSamePageComesAgain_thenItIsWrittenAndSupersededAgain() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        sink.versions.put("pages/7", NOW.plusSeconds(30).toEpochMilli()); // a newer version, written elsewhere
        BatchResult late = ingest(post("7", "Lyon", 10_000, false, "06:00:02"));

        assertThat(late.pagesSkipped()).isZero();
        assertThat(late.superseded()).isEqualTo(1);
    }

    @Test
    void givenVersionsUnreadable_whenIngested_thenEveryPageIsWrittenAndTheBatchSucceeds() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        sink.versionsDown = true;
        BatchResult next = ingest(post("7", "Lyon", 10_000, false, "06:00:02"));

        assertThat(next.pagesSkipped()).isZero();
        assertThat(next.pagesUpserted()).isEqualTo(1);
        assertThat(next.failedSequenceNumbers()).isEmpty();
    }

    @Test
    void givenTheMaximumAgePassed_whenNothingChanged_thenThePageIsWrittenAnyway() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        clock.now = NOW.plus(Duration.ofMinutes(10).minusSeconds(1));
        BatchResult young = ingest(post("7", "Lyon", 10_000, false, "06:00:02"));
        clock.now = NOW.plus(Duration.ofMinutes(10));
        BatchResult old = ingest(post("7", "Lyon", 10_000, false, "06:00:03"));

        assertThat(young.pagesSkipped()).isEqualTo(1);
        assertThat(old.pagesSkipped()).isZero();
        assertThat(old.pagesUpserted()).isEqualTo(1);
        assertThat(sink.versions.get("pages/7"))
                .isEqualTo(Instant.parse("2026-11-26T06:00:03Z").toEpochMilli());
    }

    @Test
    void givenNoPageToSkip_whenIngested_thenTheIndexIsNotAsked() {
        ingest(post("7", "Lyon", 10_000, false, "06:00:01"));
        ingest(post("8", "Paris", 10_000, false, "06:00:01"));

        assertThat(sink.versionReads).isZero();
    }

    @Test
    void givenSkippingOff_whenTheSamePageComesAgain_thenItIsWrittenEveryTime() {
        IngestService off = service(new WrittenPages(WrittenPages.Policy.OFF));
        off.ingest(List.of(plain(post("7", "Lyon", 10_000, false, "06:00:01"))), NOW);
        BatchResult again = off.ingest(List.of(plain(post("7", "Lyon", 10_000, false, "06:00:02"))), NOW);

        assertThat(again.pagesUpserted()).isEqualTo(1);
        assertThat(sink.writes).isEqualTo(2);
    }

    private BatchResult ingest(String json) {
        return service.ingest(List.of(plain(json)), NOW.plusSeconds(5));
    }

    private IngestService service(WrittenPages written) {
        return new IngestService(
                new PostParser(10_000, Clock.fixed(NOW, ZoneOffset.UTC)),
                ids -> Set.of(),
                sink,
                entries -> List.of(),
                IngestMetrics.NONE,
                new IndexNames("pages", "posts"),
                clock,
                written);
    }

    private InboundRecord plain(String json) {
        return new InboundRecord(
                "shardId-000000000000", Integer.toString(++sequence), "k", json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static String post(String pageId, String name, long fans, boolean verified, String time) {
        return "{\"id\":\"" + pageId + "_1\",\"from\":{\"id\":\"" + pageId + "\",\"name\":\"" + name
                + "\",\"username\":\"p" + pageId + "\",\"category\":\"City\",\"fan_count\":" + fans
                + ",\"verified\":" + verified + "},\"created_time\":\"2026-11-26T05:00:00+0000\","
                + "\"updated_time\":\"2026-11-26T" + time + "+0000\"}";
    }
}
