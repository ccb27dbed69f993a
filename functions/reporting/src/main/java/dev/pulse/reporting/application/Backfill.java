package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs a snapshot job for every period of a date range, oldest first. Each period's run checkpoint makes it
 * resumable: a rerun after an interruption skips the accounts (and so the periods) already finished. A stop request
 * ends it between chunks, and the periods after the current one are not started.
 */
public final class Backfill {
    private static final Instant NO_DEADLINE = Instant.parse("9999-12-31T00:00:00Z");

    private final SnapshotJob job;

    public Backfill(SnapshotJob job) {
        this.job = job;
    }

    /** What the display hears: a period begins, an account of it is finished, a period ends. */
    public interface Listener {
        void periodStarted(Window window, int index, int total);

        void accountDone(boolean written);

        void periodDone(Window window, RunResult result);
    }

    /** The outcome: periods completed, and whether it was stopped (or switched off) before the end. */
    public record Outcome(int periodsDone, int periods, boolean stopped, long written, long failed) {}

    /** Every period of {@code granularity} from the start of {@code from} to the end of {@code to} (UTC days). */
    public static List<Window> periods(LocalDate from, LocalDate to, Granularity granularity) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        List<Window> windows = new ArrayList<>();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
                start.isBefore(end);
                start = start.plus(granularity.length())) {
            windows.add(granularity.at(start));
        }
        return windows;
    }

    /**
     * The periods of the range that have ended at {@code now}; {@code notEnded} counts those left out at its end (a
     * {@code --to} of today or later). A range of which nothing has ended is refused.
     */
    public record Plan(List<Window> periods, int notEnded) {
        public Plan {
            periods = List.copyOf(periods);
        }

        /** The end of the last period that has ended, where a range reaching into the future stops. */
        public Instant stopsAt() {
            return periods.getLast().end();
        }
    }

    /** {@link #periods}, without the periods that have not ended at {@code now}. */
    public static Plan plan(LocalDate from, LocalDate to, Granularity granularity, Instant now) {
        List<Window> all = periods(from, to, granularity);
        List<Window> ended = all.stream().filter(w -> !w.end().isAfter(now)).toList();
        if (ended.isEmpty()) {
            Window first = all.getFirst();
            throw new IllegalArgumentException("nothing from " + from + " to " + to + " has ended yet: the first "
                    + granularity.wire() + " ends at " + first.end() + " (now " + now.truncatedTo(ChronoUnit.SECONDS)
                    + ")" + (granularity == Granularity.DAY ? "; today's ended hours: --period hour" : ""));
        }
        return new Plan(ended, all.size() - ended.size());
    }

    /** The number of accounts each period covers: one with {@code account}, else every account. */
    public int accountsPerPeriod(Optional<String> account) {
        return account.isPresent() ? 1 : job.accountCount();
    }

    public Outcome run(List<Window> periods, Optional<String> account, BooleanSupplier stop, Listener listener) {
        SnapshotJob.Progress progress = new SnapshotJob.Progress() {
            @Override
            public void accountDone(String id, boolean written) {
                listener.accountDone(written);
            }

            @Override
            public boolean stopRequested() {
                return stop.getAsBoolean();
            }
        };
        int done = 0;
        long written = 0;
        long failed = 0;
        for (int i = 0; i < periods.size(); i++) {
            if (stop.getAsBoolean()) {
                return new Outcome(done, periods.size(), true, written, failed);
            }
            Window window = periods.get(i);
            listener.periodStarted(window, i, periods.size());
            RunResult result = account.isPresent()
                    ? job.runFor(window, List.of(account.get()), NO_DEADLINE, progress)
                    : job.run(window, false, NO_DEADLINE, progress);
            written += result.accountsWritten();
            failed += result.accountsFailed();
            listener.periodDone(window, result);
            if (!RunResult.COMPLETE.equals(result.status())) {
                return new Outcome(done, periods.size(), true, written, failed);
            }
            done++;
        }
        return new Outcome(done, periods.size(), false, written, failed);
    }
}
