package dev.pulse.accounts.adapter.cache;

import dev.pulse.accounts.application.ReadCache;
import dev.pulse.accounts.application.ReportStore;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import dev.pulse.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cache-aside over dashboards. Reporting writes snapshots without telling this function, so they are cached for
 * a minute only: a new snapshot shows within a minute of being written.
 */
public final class CachedReportStore implements ReportStore {
    static final Duration TTL = Duration.ofMinutes(1);

    private final ReportStore store;
    private final ReadCache cache;

    public CachedReportStore(ReportStore store, ReadCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public List<Snapshot> snapshots(AccountId account, Period period, Instant from, Instant to, int limit) {
        String key = "reports:" + account.value();
        String field = period.wire() + ":" + from + ":" + to + ":" + limit;
        String json = cache.read(
                        key,
                        field,
                        TTL,
                        () -> Optional.of(Json.write(store.snapshots(account, period, from, to, limit))))
                .orElseThrow();
        return List.of(Json.read(json, Snapshot[].class));
    }
}
