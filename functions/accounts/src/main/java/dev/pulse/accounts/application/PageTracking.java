package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;

/**
 * The per-page side that ingest reads (tracked-pages' {@code accounts} string set). Both writes are idempotent and
 * come after the account-side write, so a crash between them is repaired by a retry or by reconciliation.
 */
public interface PageTracking {
    void track(PageId page, AccountId account);

    void untrack(PageId page, AccountId account);
}
