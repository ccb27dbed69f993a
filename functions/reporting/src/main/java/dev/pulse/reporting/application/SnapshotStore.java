package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Window;
import java.util.Map;

/** The reports table, as reporting writes it. */
public interface SnapshotStore {
    /** The per-page fans a stored snapshot recorded; empty when there is none. */
    Map<String, Long> fans(String accountId, Window window);

    /** Writes (or overwrites) the account's snapshot of its window. */
    void write(AccountSnapshot snapshot);
}
