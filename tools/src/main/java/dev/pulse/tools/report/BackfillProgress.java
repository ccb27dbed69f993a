package dev.pulse.tools.report;

import dev.pulse.reporting.application.Backfill;
import dev.pulse.reporting.application.RunResult;
import dev.pulse.reporting.domain.Window;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The backfill's display on stderr: on a terminal one bar redrawn in place (periods and accounts done, rate, ETA), at
 * most ten times a second; otherwise one plain line per finished period, so a log stays readable.
 */
final class BackfillProgress implements Backfill.Listener {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final long accountsTotal;
    private final LongSupplier nanos;
    private final long started;
    private final AtomicLong accounts = new AtomicLong();
    private final AtomicLong worked = new AtomicLong();
    private volatile int periodsDone;
    private volatile int periods;
    private volatile long lastDraw;

    BackfillProgress(PrintStream out, boolean terminal, int periods, int accountsPerPeriod, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.periods = periods;
        this.accountsTotal = (long) periods * accountsPerPeriod;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
    }

    @Override
    public void periodStarted(Window window, int index, int total) {
        periods = total;
        draw(window.key(), true);
    }

    @Override
    public void accountDone(boolean written) {
        accounts.incrementAndGet();
        worked.incrementAndGet();
        if (terminal) {
            draw(null, false);
        }
    }

    @Override
    public void periodDone(Window window, RunResult result) {
        accounts.addAndGet(result.accountsAlreadyDone());
        if (RunResult.COMPLETE.equals(result.status())) {
            periodsDone++;
        }
        if (terminal) {
            draw(window.key(), true);
        } else {
            out.println("backfill: " + window.key() + " " + result.status() + ": written " + result.accountsWritten()
                    + ", already done " + result.accountsAlreadyDone() + ", failed " + result.accountsFailed()
                    + "; " + line());
        }
    }

    /** Ends the bar's line, so what follows starts on its own. */
    void finish() {
        if (terminal) {
            draw(null, true);
            out.println();
        }
    }

    private String current = "";

    private synchronized void draw(String period, boolean force) {
        if (period != null) {
            current = period;
        }
        long now = nanos.getAsLong();
        if (!terminal || (!force && now - lastDraw < 100_000_000L)) {
            return;
        }
        lastDraw = now;
        double share = accountsTotal == 0 ? 1 : Math.min(1, (double) accounts.get() / accountsTotal);
        int filled = (int) Math.round(share * WIDTH);
        out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + line() + " " + current + "\u001b[K");
        out.flush();
    }

    /** "periods 2/7  accounts 2,000/7,000  412.3/s  ETA 12s" */
    String line() {
        double seconds = Math.max(1e-9, (nanos.getAsLong() - started) / 1e9);
        double rate = worked.get() / seconds;
        long left = Math.max(0, accountsTotal - accounts.get());
        String eta = rate <= 0 ? "?" : format(Duration.ofSeconds((long) Math.ceil(left / rate)));
        return String.format(
                "periods %d/%d  accounts %,d/%,d  %.1f/s  ETA %s",
                periodsDone, periods, accounts.get(), accountsTotal, rate, eta);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s >= 3_600) {
            return String.format("%dh%02dm", s / 3_600, (s % 3_600) / 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
