package dev.pulse.accounts.application;

/**
 * What one reconciliation run found and repaired: drift is {@code missing + extra} (account ids ADDed to and DELETEd
 * from tracked-pages' sets); {@code settled} counts differences that a live write resolved before the repair (the
 * re-check found account-pages agreeing with the set), which are not drift.
 */
public record ReconcileReport(
        long rowsScanned, long pagesScanned, long missing, long extra, long settled, long countersRepaired) {
    public long drift() {
        return missing + extra;
    }
}
