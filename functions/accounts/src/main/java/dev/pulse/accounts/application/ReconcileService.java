package dev.pulse.accounts.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Repairs tracked-pages' per-page account sets from account-pages, the source of truth, and recounts each account's
 * {@code trackedCount}. Only idempotent {@code ADD}/{@code DELETE} are used, so a run can overlap live writes and other
 * runs. The scans are not a snapshot, so every difference is re-checked with a consistent read of the account-pages row
 * before it is repaired, and once more after: a track or untrack that lands between the check and the repair is then
 * put back (a track writes its row before its {@code ADD}, an untrack deletes it before its {@code DELETE}).
 */
public final class ReconcileService {
    /**
     * A counter is recounted only once it has not changed for this long. A track reserves its slot before it writes its
     * row, so a recount that ran between the two would lower the counter under the plan's limit. The accounts function
     * times out after 5 s; a reservation older than a minute belongs to a request that has crashed.
     */
    static final Duration QUIET = Duration.ofMinutes(1);

    private final TrackedSetTables tables;
    private final ReconcileMetrics metrics;
    private final Set<String> reserved;
    private final Clock clock;

    public ReconcileService(TrackedSetTables tables, ReconcileMetrics metrics, Set<String> reserved, Clock clock) {
        this.tables = tables;
        this.metrics = metrics;
        this.reserved = Set.copyOf(reserved);
        this.clock = clock;
    }

    public ReconcileReport run() {
        Instant started = clock.instant();
        Map<String, Set<String>> expected = tables.accountsByPage();
        TrackedSetDrift drift = new TrackedSetDrift(expected, reserved);
        LongAdder pages = new LongAdder();
        LongAdder missing = new LongAdder();
        LongAdder extra = new LongAdder();
        LongAdder settled = new LongAdder();
        tables.scanTrackedSets((page, accounts) -> {
            pages.increment();
            drift.visit(page, accounts).forEach(fix -> repair(fix, missing, extra, settled));
        });
        drift.unvisited().forEach(fix -> repair(fix, missing, extra, settled));
        long counters = recount(expected);
        long rows = expected.values().stream().mapToLong(Set::size).sum();
        ReconcileReport report =
                new ReconcileReport(rows, pages.sum(), missing.sum(), extra.sum(), settled.sum(), counters);
        metrics.run(report, Duration.between(started, clock.instant()).toMillis());
        return report;
    }

    private void repair(TrackedSetDrift.Fix fix, LongAdder missing, LongAdder extra, LongAdder settled) {
        boolean shouldTrack = fix.kind() == TrackedSetDrift.Fix.Kind.MISSING;
        if (tables.isTracked(fix.accountId(), fix.pageId()) != shouldTrack) {
            settled.increment();
            return;
        }
        apply(fix.pageId(), fix.accountId(), shouldTrack);
        if (tables.isTracked(fix.accountId(), fix.pageId()) != shouldTrack) {
            // A live write crossed the repair; its own second write may already be done, so undo ours.
            apply(fix.pageId(), fix.accountId(), !shouldTrack);
            settled.increment();
            return;
        }
        (shouldTrack ? missing : extra).increment();
    }

    private void apply(String page, String account, boolean track) {
        if (track) {
            tables.add(page, account);
        } else {
            tables.remove(page, account);
        }
    }

    /** Recounts the counters the scan found wrong and quiet; returns how many were repaired. */
    private long recount(Map<String, Set<String>> expected) {
        Map<String, Long> rowsByAccount = new HashMap<>();
        expected.values().forEach(accounts -> accounts.forEach(a -> rowsByAccount.merge(a, 1L, Long::sum)));
        LongAdder repaired = new LongAdder();
        Instant quietBefore = clock.instant().minus(QUIET);
        tables.scanTrackedCounts((account, scanned) -> {
            if (scanned.value() == rowsByAccount.getOrDefault(account, 0L)) {
                return;
            }
            tables.trackedCount(account)
                    .filter(now -> now.changedAt() == null || now.changedAt().isBefore(quietBefore))
                    .ifPresent(now -> {
                        long actual = tables.countTracked(account);
                        if (actual != now.value() && tables.repairTrackedCount(account, now, actual)) {
                            repaired.increment();
                        }
                    });
        });
        return repaired.sum();
    }
}
