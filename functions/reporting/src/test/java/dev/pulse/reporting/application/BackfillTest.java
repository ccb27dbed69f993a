package dev.pulse.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.JobFlags;
import dev.pulse.reporting.domain.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackfillTest {
    private static final String JOB = "daily-snapshots";
    private static final LocalDate FROM = LocalDate.parse("2026-11-28");
    private static final LocalDate TO = LocalDate.parse("2026-11-30");

    private final InMemoryReporting.Accounts accounts = new InMemoryReporting.Accounts();
    private final InMemoryReporting.Analytics analytics = new InMemoryReporting.Analytics();
    private final InMemoryReporting.Snapshots snapshots = new InMemoryReporting.Snapshots();
    private final InMemoryReporting.Checkpoint checkpoint = new InMemoryReporting.Checkpoint();
    private final InMemoryReporting.FlagsTable flags = new InMemoryReporting.FlagsTable();
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T00:15:00Z"));

    private Backfill backfill() {
        for (int a = 0; a < 4; a++) {
            accounts.pages.put("acct-" + a, List.of(Integer.toString(100 + a)));
            analytics.fans.put(Integer.toString(100 + a), 10L * a);
        }
        // One page per request: every account is a chunk of its own, so a stop lands between accounts.
        flags.flags.put(JOB, new JobFlags(true, 1, 1));
        return new Backfill(new SnapshotJob(
                accounts,
                analytics,
                analytics,
                snapshots,
                checkpoint,
                new InMemoryReporting.Letters(),
                new Flags(flags, JOB, Duration.ZERO, clock),
                f -> new Pacer(f.pace(), Duration.ofSeconds(5), () -> 0, clock, d -> {}),
                JobMetrics.NONE,
                clock));
    }

    /** Counts what the display heard. */
    private static final class Heard implements Backfill.Listener {
        final AtomicInteger accounts = new AtomicInteger();
        final AtomicInteger alreadyDone = new AtomicInteger();

        @Override
        public void periodStarted(Window window, int index, int total) {}

        @Override
        public void accountDone(boolean written) {
            accounts.incrementAndGet();
        }

        @Override
        public void periodDone(Window window, RunResult result) {
            alreadyDone.addAndGet(result.accountsAlreadyDone());
        }
    }

    @Test
    void givenARange_thenEveryDayIsAPeriod_andFromAfterToIsRefused() {
        assertThat(Backfill.periods(FROM, TO, Granularity.DAY))
                .extracting(Window::key)
                .containsExactly("day#2026-11-28T00:00:00Z", "day#2026-11-29T00:00:00Z", "day#2026-11-30T00:00:00Z");
        assertThat(Backfill.periods(TO, TO, Granularity.HOUR)).hasSize(24);
        assertThatThrownBy(() -> Backfill.periods(TO, FROM, Granularity.DAY)).hasMessageContaining("is after");
    }

    @Test
    void givenAStopMidway_whenRunAgain_thenItResumesWithTheRest_andNoAccountIsWrittenTwice() {
        Backfill backfill = backfill();
        List<Window> periods = Backfill.periods(FROM, TO, Granularity.DAY);
        Heard first = new Heard();

        Backfill.Outcome stopped = backfill.run(periods, Optional.empty(), () -> first.accounts.get() >= 6, first);
        Heard second = new Heard();
        Backfill.Outcome resumed = backfill.run(periods, Optional.empty(), () -> false, second);

        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.periodsDone()).isLessThan(3);
        assertThat(resumed.stopped()).isFalse();
        assertThat(resumed.periodsDone()).isEqualTo(3);
        assertThat(stopped.written() + resumed.written()).isEqualTo(12);
        assertThat(second.alreadyDone.get()).isEqualTo((int) stopped.written());
        assertThat(snapshots.stored).hasSize(12);
    }

    @Test
    void givenOneAccount_thenOnlyItsSnapshotsAreWritten() {
        Backfill backfill = backfill();

        Backfill.Outcome outcome = backfill.run(
                Backfill.periods(FROM, TO, Granularity.DAY), Optional.of("acct-2"), () -> false, new Heard());

        assertThat(outcome.written()).isEqualTo(3);
        assertThat(snapshots.stored.keySet()).allMatch(k -> k.startsWith("acct-2|"));
        assertThat(backfill.accountsPerPeriod(Optional.of("acct-2"))).isEqualTo(1);
        assertThat(Map.copyOf(snapshots.stored)).hasSize(3);
    }

    @Test
    void givenAToInTheFuture_thenThePlanStopsAtTheLastEndedPeriod_andCountsTheRest() {
        Instant now = clock.instant(); // 2026-12-02T00:15Z

        Backfill.Plan days = Backfill.plan(FROM, LocalDate.parse("2026-12-05"), Granularity.DAY, now);
        Backfill.Plan hours = Backfill.plan(
                LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-02"),
                Granularity.HOUR,
                now.plusSeconds(6 * 3600));

        assertThat(days.periods())
                .extracting(Window::key)
                .containsExactly(
                        "day#2026-11-28T00:00:00Z",
                        "day#2026-11-29T00:00:00Z",
                        "day#2026-11-30T00:00:00Z",
                        "day#2026-12-01T00:00:00Z");
        assertThat(days.notEnded()).isEqualTo(4); // 12-02 (running) to 12-05
        assertThat(days.stopsAt()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(hours.periods()).hasSize(24 + 6); // 12-01 whole, then 00:00-06:00 of 12-02 (now 06:15)
        assertThat(hours.notEnded()).isEqualTo(18);
        assertThat(hours.stopsAt()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(Backfill.plan(FROM, TO, Granularity.DAY, now).notEnded()).isZero();
    }

    @Test
    void givenARangeEntirelyInTheFuture_thenThePlanIsRefused_sayingWhenItsFirstPeriodEnds() {
        Instant now = clock.instant();

        assertThatThrownBy(() -> Backfill.plan(
                        LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-02"), Granularity.DAY, now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nothing from 2026-12-02 to 2026-12-02 has ended yet: the first day ends at "
                        + "2026-12-03T00:00:00Z (now 2026-12-02T00:15:00Z); today's ended hours: --period hour");
        assertThatThrownBy(() -> Backfill.plan(
                        LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-09"), Granularity.HOUR, now))
                .hasMessageContaining("the first hour ends at 2026-12-02T01:00:00Z");
    }

    @Test
    void givenAPeriodNotEndedYet_whenRun_thenNothingIsWrittenForIt_andTheRunStopsThere() {
        Backfill backfill = backfill();
        List<Window> periods = Backfill.periods(
                LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-02"),
                Granularity.DAY); // 12-02 is still running at the clock's 00:15

        Backfill.Outcome outcome = backfill.run(periods, Optional.empty(), () -> false, new Heard());

        assertThat(outcome.periodsDone()).isEqualTo(1);
        assertThat(outcome.stopped()).isTrue();
        assertThat(snapshots.stored.keySet()).hasSize(4).allMatch(k -> k.contains("2026-12-01"));
    }
}
