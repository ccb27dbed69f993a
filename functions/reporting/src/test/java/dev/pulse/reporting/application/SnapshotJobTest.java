package dev.pulse.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.reporting.application.InMemoryReporting.Post;
import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.JobFlags;
import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotJobTest {
    private static final String JOB = "daily-snapshots";
    private static final Window DAY = Granularity.DAY.at(Instant.parse("2026-12-01T00:00:00Z"));
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    private final InMemoryReporting.Accounts accounts = new InMemoryReporting.Accounts();
    private final InMemoryReporting.Analytics analytics = new InMemoryReporting.Analytics();
    private final InMemoryReporting.Snapshots snapshots = new InMemoryReporting.Snapshots();
    private final InMemoryReporting.Checkpoint checkpoint = new InMemoryReporting.Checkpoint();
    private final InMemoryReporting.Letters letters = new InMemoryReporting.Letters();
    private final InMemoryReporting.FlagsTable flagsTable = new InMemoryReporting.FlagsTable();
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T00:15:00Z"));

    private SnapshotJob job() {
        return new SnapshotJob(
                accounts,
                analytics,
                analytics,
                snapshots,
                checkpoint,
                letters,
                new Flags(flagsTable, JOB, Duration.ZERO, clock),
                flags -> new Pacer(flags.pace(), Duration.ofSeconds(5), () -> 0, clock, d -> {}),
                JobMetrics.NONE,
                clock);
    }

    private void seed() {
        accounts.pages.put("acct-a", List.of("1", "2"));
        accounts.pages.put("acct-b", List.of("2", "3", "404"));
        analytics.fans.putAll(Map.of("1", 100L, "2", 200L, "3", 300L));
        analytics.posts.add(post("1_1", "1", "2026-12-01T01:10:00Z", 5, 1, 0, List.of("2")));
        analytics.posts.add(post("1_2", "1", "2026-12-01T23:59:59Z", 1, 1, 1, List.of()));
        analytics.posts.add(post("2_1", "2", "2026-12-01T05:00:00Z", 10, 0, 2, List.of("3", "1")));
        analytics.posts.add(new Post("2_2", "2", Instant.parse("2026-12-01T06:00:00Z"), null, 3, 1, List.of()));
        analytics.posts.add(post("3_1", "3", "2026-12-02T00:00:00Z", 99, 0, 0, List.of("1")));
    }

    private static Post post(String id, String page, String created, int r, int c, int s, List<String> mentions) {
        return new Post(id, page, Instant.parse(created), r, c, s, mentions);
    }

    @Test
    void givenSeededPosts_whenRun_thenEachAccountHasTheBruteForceFigures_andBadDataIsSkippedAndCounted() {
        seed();

        RunResult result = job().run(DAY, false, FAR);

        assertThat(result.status()).isEqualTo(RunResult.COMPLETE);
        assertThat(result.accountsWritten()).isEqualTo(2);
        assertThat(result.unknownPages()).isEqualTo(1);
        assertThat(result.skippedPosts()).isEqualTo(2); // post 2_2 lacks reactions; both accounts track page 2
        AccountSnapshot a = snapshots.get("acct-a", DAY);
        assertThat(a.posts()).isEqualTo(3);
        assertThat(a.reactions()).isEqualTo(16);
        assertThat(a.shares()).isEqualTo(3);
        assertThat(a.mentions()).isEqualTo(2); // page 1 by 2_1, page 2 by 1_1; 3_1 is the next day
        assertThat(a.top()).extracting(t -> t.postId()).containsExactly("2_1", "1_1", "1_2");
        assertThat(a.hourly()[1]).isEqualTo(1);
        assertThat(a.hourly()[5]).isEqualTo(1);
        assertThat(a.fans()).isEqualTo(300);
        AccountSnapshot b = snapshots.get("acct-b", DAY);
        assertThat(b.unknownPages()).isEqualTo(1);
        assertThat(b.pages()).extracting(p -> p.pageId()).containsExactly("2", "3");
        assertThat(InMemoryReporting.page(b, "3").mentions()).isEqualTo(1);
        assertThat(InMemoryReporting.page(b, "3").activity().posts()).isZero();
    }

    @Test
    void givenManySmallAccounts_whenRun_thenTheirPagesShareRequests() {
        for (int i = 0; i < 100; i++) {
            accounts.pages.put("acct-" + i, List.of("p" + i, "p" + (i + 1)));
            analytics.fans.put("p" + i, 1L);
        }

        RunResult result = job().run(DAY, false, FAR);

        assertThat(result.accountsWritten()).isEqualTo(100);
        assertThat(analytics.calls.get()).isEqualTo(3); // fans, mentions, activity: 101 pages in one batch of 500
        assertThat(result.searchRequests()).isEqualTo(3);
    }

    @Test
    void givenOneAccountFails_whenRun_thenItGoesToTheDeadLetterQueue_andTheOthersComplete() {
        seed();
        snapshots.failing.add("acct-a");

        RunResult result = job().run(DAY, false, FAR);

        assertThat(result.accountsFailed()).isEqualTo(1);
        assertThat(letters.failed).containsExactly(JOB + " " + DAY.key() + " acct-a");
        assertThat(snapshots.get("acct-b", DAY)).isNotNull();
        assertThat(checkpoint.done(DAY)).containsExactly("acct-b");
    }

    @Test
    void givenACrashMidRun_whenRunAgain_thenItResumesAndEverySnapshotEqualsACleanRun() {
        seed();
        for (int i = 0; i < 20; i++) {
            accounts.pages.put("more-" + i, List.of("1", "3"));
        }
        flagsTable.write(JOB, new JobFlags(true, 2, 1));
        snapshots.crashAfter = 5;
        assertThatThrownBy(() -> job().run(DAY, false, FAR)).isInstanceOf(InMemoryReporting.SimulatedCrash.class);
        assertThat(checkpoint.done(DAY)).hasSizeLessThan(22);

        snapshots.crashAfter = Integer.MAX_VALUE;
        RunResult resumed = job().run(DAY, false, FAR);

        assertThat(resumed.status()).isEqualTo(RunResult.COMPLETE);
        assertThat(resumed.accountsAlreadyDone()).isPositive();
        assertThat(checkpoint.done(DAY)).hasSize(22);
        Map<String, AccountSnapshot> afterCrash = Map.copyOf(snapshots.stored);
        snapshots.stored.clear();
        job().run(DAY, true, FAR);
        assertThat(snapshots.stored).isEqualTo(afterCrash);
    }

    @Test
    void givenTheJobSwitchedOff_whenRun_thenNothingIsWritten() {
        seed();
        flagsTable.write(JOB, new JobFlags(false, 500, 2));

        RunResult result = job().run(DAY, false, FAR);

        assertThat(result.status()).isEqualTo(RunResult.SWITCHED_OFF);
        assertThat(snapshots.stored).isEmpty();
        assertThat(analytics.calls.get()).isZero();
    }

    @Test
    void givenAPreviousSnapshot_whenRun_thenFansChangeIsAgainstIt_andARerunKeepsTheFansFirstRecorded() {
        seed();
        job().run(DAY.previous(), false, FAR);
        analytics.fans.put("1", 150L);

        job().run(DAY, false, FAR);
        analytics.fans.put("1", 999L);
        job().run(DAY, true, FAR);

        var page = InMemoryReporting.page(snapshots.get("acct-a", DAY), "1");
        assertThat(page.fans()).isEqualTo(150);
        assertThat(page.fansChange()).hasValue(50);
    }

    @Test
    void givenAChunkOf60Accounts_whenRun_thenItsStoreWorkIsTwoBatchReadsAndThreeBatchWritesAndCheckpoints() {
        for (int i = 0; i < 60; i++) {
            accounts.pages.put(String.format("acct-%02d", i), List.of("1", "2"));
        }
        analytics.fans.putAll(Map.of("1", 100L, "2", 200L));

        RunResult result = job().run(DAY, false, FAR);

        assertThat(result.accountsWritten()).isEqualTo(60);
        assertThat(snapshots.reads.get())
                .as("this period's and the previous one's fans")
                .isEqualTo(2);
        assertThat(snapshots.writes.get()).as("25 + 25 + 10").isEqualTo(3);
        assertThat(checkpoint.marks.get()).isEqualTo(3);
        assertThat(checkpoint.done(DAY)).hasSize(60);
    }

    @Test
    void givenACrashHalfwayThroughABatch_whenRunAgain_thenTheWrittenButUncheckpointedAccountsAreRewrittenIdentically() {
        for (int i = 0; i < 60; i++) {
            accounts.pages.put(String.format("acct-%02d", i), List.of("1", "2"));
        }
        analytics.fans.putAll(Map.of("1", 100L, "2", 200L));
        snapshots.crashAfter = 30; // the second batch of 25 dies after its 5th snapshot

        assertThatThrownBy(() -> job().run(DAY, false, FAR)).isInstanceOf(InMemoryReporting.SimulatedCrash.class);
        assertThat(checkpoint.done(DAY))
                .as("only the first batch was checkpointed")
                .hasSize(25);
        assertThat(snapshots.stored).as("5 more written but not checkpointed").hasSize(30);
        Map<String, AccountSnapshot> partial = Map.copyOf(snapshots.stored);

        snapshots.crashAfter = Integer.MAX_VALUE;
        RunResult resumed = job().run(DAY, false, FAR);

        assertThat(resumed.accountsAlreadyDone()).isEqualTo(25);
        assertThat(resumed.accountsWritten()).isEqualTo(35);
        assertThat(snapshots.stored).hasSize(60).containsAllEntriesOf(partial);
    }

    @Test
    void givenAWindowNotEndedYet_whenRunInAnyWay_thenNothingIsWrittenOrSent_untilItHasEnded() {
        seed();
        Window today = Granularity.DAY.at(Instant.parse("2026-12-02T00:00:00Z")); // the clock is at 00:15 of it
        Window hour = Granularity.HOUR.at(Instant.parse("2026-12-02T00:00:00Z"));
        InMemoryReporting.ShardsSent queue = new InMemoryReporting.ShardsSent();
        SnapshotJob job = job();

        assertThat(job.run(today, false, FAR).status()).isEqualTo(RunResult.NOT_ENDED);
        assertThat(job.runFor(hour, List.of("acct-a"), FAR, SnapshotJob.Progress.NONE)
                        .status())
                .isEqualTo(RunResult.NOT_ENDED);
        assertThat(job.fanOut(hour, false, queue, 2_000).status()).isEqualTo(RunResult.NOT_ENDED);
        assertThat(job.runShard(new Shard(hour, "f", 0, 1, List.of("acct-a")), FAR)
                        .status())
                .isEqualTo(RunResult.NOT_ENDED);
        assertThat(snapshots.stored).isEmpty();
        assertThat(queue.sent).isEmpty();
        assertThat(checkpoint.done(hour)).isEmpty();
        assertThat(analytics.calls.get()).isZero();

        clock.advance(Duration.ofMinutes(45)); // 01:00: the hour has just ended, the day has not
        assertThat(job.run(hour, false, FAR).status()).isEqualTo(RunResult.COMPLETE);
        assertThat(job.run(today, false, FAR).status()).isEqualTo(RunResult.NOT_ENDED);
        assertThat(snapshots.get("acct-a", hour)).isNotNull();
        assertThat(snapshots.get("acct-a", today)).isNull();
    }
}
