package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import java.time.Instant;
import java.util.List;

/** The reports table that reporting writes: an account's snapshots of one period, oldest first. */
public interface ReportStore {
    List<Snapshot> snapshots(AccountId account, Period period, Instant from, Instant to, int limit);
}
