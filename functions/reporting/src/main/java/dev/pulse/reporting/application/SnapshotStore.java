package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Window;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The reports table, as reporting writes it: read and written a chunk of accounts at a time. */
public interface SnapshotStore {
    /**
     * The per-page fans the stored snapshots of {@code window} recorded, by account; an account without a snapshot is
     * absent.
     */
    Map<String, Map<String, Long>> fans(Collection<String> accountIds, Window window);

    /**
     * Writes (or overwrites) each snapshot whole. Distinct accounts of one window; a failure may leave some of them
     * written, which is harmless since a rewrite of the same snapshot writes the same item.
     */
    void write(List<AccountSnapshot> snapshots);
}
