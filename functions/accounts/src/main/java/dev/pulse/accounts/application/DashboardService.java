package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.InvalidInputException;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import dev.pulse.accounts.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The caller's dashboards: the snapshots reporting wrote for one period, oldest first. */
public final class DashboardService {
    /** A year of days or six weeks of hours: what one dashboard shows at most. */
    static final int MAX_SNAPSHOTS = 1_000;

    private final ReportStore reports;
    private final Tenancy tenancy;

    public DashboardService(ReportStore reports, TeamStore team) {
        this.reports = reports;
        this.tenancy = new Tenancy(team);
    }

    public List<Snapshot> snapshots(UserId caller, Period period, Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            throw new InvalidInputException("to", "must be within 400 days of from");
        }
        return reports.snapshots(tenancy.of(caller).accountId(), period, from, to, MAX_SNAPSHOTS);
    }
}
