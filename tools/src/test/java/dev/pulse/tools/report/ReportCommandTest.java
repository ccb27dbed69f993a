package dev.pulse.tools.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.reporting.domain.Granularity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCommandTest {
    private static final Instant NOW = Instant.parse("2026-12-03T06:20:00Z");

    @Test
    void givenARange_thenItIsParsed_andTheResumeCommandRepeatsIt() {
        var request = ReportCommand.parse(
                List.of("backfill", "--from", "2026-11-28", "--to", "2026-11-30", "--account", "acct-1"));

        assertThat(request.period()).isEqualTo(Granularity.DAY);
        assertThat(request.plan(NOW).periods()).hasSize(3);
        assertThat(request.resumeCommand())
                .isEqualTo("./pulse report backfill --from 2026-11-28 --to 2026-11-30 --account acct-1 --period day");
    }

    @Test
    void givenHours_thenADayIs24Periods() {
        var request = ReportCommand.parse(
                List.of("backfill", "--from", "2026-11-30", "--to", "2026-11-30", "--period", "hour"));

        assertThat(request.plan(NOW).periods()).hasSize(24);
    }

    @Test
    void givenAToInTheFuture_thenOneLineSaysWhereItStops_andARangeAllInTheFutureIsAnError() {
        var hours = ReportCommand.parse(
                List.of("backfill", "--from", "2026-12-03", "--to", "2026-12-05", "--period", "hour"));
        var days = ReportCommand.parse(List.of("backfill", "--from", "2026-11-30", "--to", "2026-12-03"));
        Instant now = Instant.parse("2026-12-03T06:20:00Z");

        var plan = hours.plan(now);

        assertThat(plan.periods()).hasSize(6);
        assertThat(hours.stopNotice(plan))
                .hasValue("report: stopping at 2026-12-03T06:00Z, the last hour that has ended; the 66 hours after it"
                        + " up to --to 2026-12-05 have not ended yet");
        assertThat(days.stopNotice(days.plan(now)))
                .hasValue("report: stopping at 2026-12-03T00:00Z, the last day that has ended; the 1 day after it"
                        + " up to --to 2026-12-03 has not ended yet");
        assertThat(days.stopNotice(days.plan(Instant.parse("2026-12-04T00:00:00Z"))))
                .isEmpty();
        var future = ReportCommand.parse(List.of("backfill", "--from", "2026-12-03", "--to", "2026-12-03"));
        assertThatThrownBy(() -> future.plan(now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nothing from 2026-12-03 to 2026-12-03 has ended yet");
    }

    @Test
    void givenBadInput_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> ReportCommand.parse(List.of("backfill", "--from", "2026-13-01", "--to", "2026-12-01")))
                .hasMessage("--from must be a date YYYY-MM-DD, was '2026-13-01'");
        assertThatThrownBy(() -> ReportCommand.parse(List.of("backfill", "--from", "2026-12-02", "--to", "2026-12-01")))
                .hasMessage("--from 2026-12-02 is after --to 2026-12-01");
        assertThatThrownBy(() -> ReportCommand.parse(List.of("backfill", "--to", "2026-12-01")))
                .hasMessage("--from is required");
        assertThatThrownBy(() -> ReportCommand.parse(
                        List.of("backfill", "--from", "2026-12-01", "--to", "2026-12-01", "--period", "week")))
                .hasMessageContaining("--period must be hour or day");
        assertThatThrownBy(() -> ReportCommand.parse(List.of("backfill", "--since", "x")))
                .hasMessage("unknown option --since");
        assertThatThrownBy(() -> ReportCommand.parse(List.of("purge"))).hasMessage("unknown subcommand purge");
    }

    @Test
    void theProgressLine_countsPeriodsAndAccounts_withRateAndEta() {
        long[] now = {0};
        var out = new java.io.ByteArrayOutputStream();
        var progress = new BackfillProgress(new java.io.PrintStream(out), false, 2, 10, () -> now[0]);
        for (int i = 0; i < 5; i++) {
            progress.accountDone(true);
        }
        now[0] = 1_000_000_000L;

        assertThat(progress.line()).isEqualTo("periods 0/2  accounts 5/20  5.0/s  ETA 3s");
    }
}
