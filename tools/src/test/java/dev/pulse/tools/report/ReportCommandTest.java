package dev.pulse.tools.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.reporting.domain.Granularity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCommandTest {
    @Test
    void givenARange_thenItIsParsed_andTheResumeCommandRepeatsIt() {
        var request = ReportCommand.parse(
                List.of("backfill", "--from", "2026-11-28", "--to", "2026-11-30", "--account", "acct-1"));

        assertThat(request.period()).isEqualTo(Granularity.DAY);
        assertThat(request.periods()).hasSize(3);
        assertThat(request.resumeCommand())
                .isEqualTo("./pulse report backfill --from 2026-11-28 --to 2026-11-30 --account acct-1 --period day");
    }

    @Test
    void givenHours_thenADayIs24Periods() {
        var request = ReportCommand.parse(
                List.of("backfill", "--from", "2026-11-30", "--to", "2026-11-30", "--period", "hour"));

        assertThat(request.periods()).hasSize(24);
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
